package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.OutgoingMail.AttachedFile;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.Outbox;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A mail leaves with its files through the real relay (GreenMail) and the outbox shows their names; the files go
 * with their mail when its recipient's data is erased; a file with a path in its name, or files too heavy for a
 * relay, are refused before anything is stored.
 */
@BeffroiTest
class MailFilesTest {

    @Autowired
    Mailer mailer;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailLeavesWithItsFilesAndTheOutboxNamesThem() throws Exception {
        String to = "piece-jointe-" + UUID.randomUUID() + "@exemple.fr";
        byte[] calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.4 pas vraiment".getBytes(StandardCharsets.ISO_8859_1);
        mailer.send(new OutgoingMail(to, "Votre rendez-vous", "Bonjour,\n\nLe voici.")
                .with(new AttachedFile("rendez-vous.ics", "text/calendar; charset=UTF-8", calendar))
                .with(new AttachedFile("reçu_2026-12.pdf", "application/pdf", pdf)));

        var message = Mailbox.awaitMessage(to, 1);
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        assertThat(Mailbox.body(message)).contains("Le voici.");
        var files = Mailbox.files(message);
        assertThat(files).extracting(Mailbox.File::name).containsExactly("rendez-vous.ics", "reçu_2026-12.pdf");
        assertThat(files.get(0).type()).startsWith("text/calendar");
        assertThat(files.get(0).content()).isEqualTo(calendar);
        assertThat(files.get(1).type()).startsWith("application/pdf");
        assertThat(files.get(1).content()).isEqualTo(pdf);

        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        var shown = Outbox.await(mvc, admin, to, mail -> mail.status().equals("Envoyé"));
        assertThat(shown.page().select("dd").eachText()).contains("rendez-vous.ics", "reçu_2026-12.pdf");

        mailer.forgetRecipient(to);
        assertThat(jdbc.sql("select count(*) from platform_mail_attachment where mail_id = ?").param(shown.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMailWithoutFilesStaysPlainText() throws Exception {
        String to = "sans-piece-" + UUID.randomUUID() + "@exemple.fr";
        mailer.send(new OutgoingMail(to, "Bonjour", "Rien de joint."));
        var message = Mailbox.awaitMessage(to, 1);
        assertThat(message.getContentType()).startsWith("text/plain");
        assertThat(Mailbox.files(message)).isEmpty();
    }

    @Test
    void namesWithAPathAndFilesTooHeavyAreRefused() {
        byte[] small = {1};
        for (String name : List.of("../recu.pdf", "dossier/recu.pdf", "c:\\recu.pdf", ".cache", "recu\r\n.pdf", "")) {
            assertThatThrownBy(() -> new AttachedFile(name, "application/pdf", small)).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new AttachedFile("recu.pdf", "application/pdf\r\nBcc: x@exemple.fr", small))
                .isInstanceOf(IllegalArgumentException.class);
        var half = new AttachedFile("moitie.bin", "application/octet-stream", new byte[OutgoingMail.MAX_FILES_BYTES / 2 + 1]);
        var mail = new OutgoingMail("lourd@exemple.fr", "Lourd", "Deux moitiés.").with(half);
        assertThatThrownBy(() -> mail.with(half)).isInstanceOf(IllegalArgumentException.class);
    }
}
