package org.beffroi.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments a test accepts, deleted after each test: a pending one would otherwise be scanned again for the rest of
 * the run. Registered on a {@code @BeffroiTest} class with
 * {@code @RegisterExtension final AcceptedAttachments uploads = new AcceptedAttachments();}; it takes
 * {@link Attachments} from the test's application context.
 */
final class AcceptedAttachments implements BeforeEachCallback, AfterEachCallback {

    private final List<UUID> created = new ArrayList<>();
    private Attachments attachments;

    @Override
    public void beforeEach(ExtensionContext context) {
        attachments = SpringExtension.getApplicationContext(context).getBean(Attachments.class);
    }

    /** Accepts the upload under the rules, as {@link Attachments#accept} does, and deletes it after the test. */
    Attachment accept(MultipartFile upload, AttachmentRules rules) throws InvalidUploadException {
        var attachment = attachments.accept(upload, rules);
        created.add(attachment.id());
        return attachment;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        created.forEach(attachments::delete);
        created.clear();
    }
}
