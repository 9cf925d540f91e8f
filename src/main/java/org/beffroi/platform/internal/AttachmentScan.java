package org.beffroi.platform.internal;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The scan of a pending attachment, one task each, on any node; it runs again while the antivirus does not answer. */
@Configuration(proxyBeanMethods = false)
class AttachmentScan {

    @Bean
    CustomTask<String> attachmentScanTask(ObjectProvider<StoredAttachments> attachments) {
        // through a provider: the attachments schedule through the scheduler, which is made of its tasks
        return Tasks.custom(StoredAttachments.SCAN_TASK)
                .execute((instance, context) -> attachments.getObject().scanPending(UUID.fromString(instance.getData())));
    }
}
