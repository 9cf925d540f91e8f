package org.beffroi.procedures.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.procedures.CaseFiled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The receipt by e-mail, sent in the filing's own transaction (through the outbox): the number, the procedure,
 * and the link to follow the case — the person's account, or, filed signed out, the receipt's own address, a
 * secret of the mail.
 */
@Component
@RequiredArgsConstructor
class ReceiptMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final CaseStore cases;
    private final ProcedureStore procedures;
    private final Accounts accounts;
    private final Mailer mailer;
    private final Commune commune;
    private final PublicAddress publicAddress;

    @EventListener
    void on(CaseFiled event) {
        var filed = cases.find(event.caseId()).orElseThrow();
        String to = filed.email() != null ? filed.email()
                : filed.accountId() == null ? null
                        : accounts.find(filed.accountId()).map(a -> a.email()).orElse(null);
        if (to == null || to.isBlank()) {
            return;
        }
        String title = procedures.version(filed.versionId()).orElseThrow().definition().title();
        boolean withAccount = filed.accountId() != null;
        String link = withAccount ? publicAddress.of("/mes-demarches/" + filed.id())
                : publicAddress.of("/demarches/recus/" + filed.submissionKey());
        String name = commune.settings().name();
        String text = """
                Bonjour,

                La mairie de %s a bien reçu votre demande « %s », déposée le %s.
                Son numéro : %s.

                %s
                %s

                Vous recevrez un courriel à chaque étape de son traitement. Pour toute question, rappelez ce numéro.

                La mairie de %s
                """.formatted(name, title, DAY.format(filed.filedAt().atZone(CommuneTime.ZONE)), filed.number(),
                withAccount ? "Vous pouvez suivre son avancement dans votre espace « Mes démarches » :"
                        : "Votre récépissé et l’état de votre demande :", link, name);
        String subject = "Votre demande n° " + filed.number() + " est bien reçue";
        mailer.send(withAccount ? new OutgoingMail(to, subject, text)
                : new OutgoingMail(to, subject, text, new OutgoingMail.Secret(link)));
    }
}
