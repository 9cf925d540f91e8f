package org.beffroi.portal.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.internal.HomeLayout.Placement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where the administrator's composition of the home page is saved, with its audit entry in the same transaction. */
@Service
@RequiredArgsConstructor
public class HomeDesk {

    private static final String TARGET = "home";

    private final HomeLayout layout;
    private final QuickLinks quickLinks;
    private final AuditLog audit;

    @Transactional
    public void compose(List<Placement> placements) {
        layout.save(placements);
        audit.record("home.composed", TARGET, null);
    }

    /** The welcome text of the home page; none (null) puts back the site's own sentence. */
    @Transactional
    public void writeWelcome(String text) {
        layout.saveWelcome(text);
        audit.record("home.welcome-written", TARGET, null);
    }

    @Transactional
    public void addQuickLink(String label, String url) {
        quickLinks.add(label, url);
        audit.record("home.quick-link-added", TARGET, url);
    }

    /** 404 when there is no such link. */
    @Transactional
    public void removeQuickLink(long id) {
        if (!quickLinks.remove(id)) {
            throw new NotFoundException();
        }
        audit.record("home.quick-link-removed", TARGET, Long.toString(id));
    }
}
