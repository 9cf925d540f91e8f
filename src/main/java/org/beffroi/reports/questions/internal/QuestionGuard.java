package org.beffroi.reports.questions.internal;

import org.springframework.stereotype.Component;

/**
 * Whether a question is moderated once and answered once by conditional updates (only while it is pending, only while
 * it has no answer). Always on; the negative controls of the concurrent tests alone switch them off, to show that
 * without the conditions several moderators, or several answers, are each told they were the one.
 */
@Component
public class QuestionGuard {

    public volatile boolean moderateOnce = true;

    public volatile boolean answerOnce = true;
}
