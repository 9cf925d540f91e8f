package org.beffroi.reports.contact.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo commune's contact: its topics go to the « Services techniques » service, and its resident has written once
 * and been answered.
 */
@Component
@RequiredArgsConstructor
public class DemoContact {

    static final String DEMO_SERVICE = "Services techniques";
    static final String DEMO_RESIDENT = "habitant@belvoir.example";

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ContactDesk desk;

    public void seed() {
        accounts.services().stream().filter(s -> s.name().equals(DEMO_SERVICE)).findFirst()
                .ifPresent(s -> jdbc.sql("update reports_contact_topic set service_id = ? where service_id is null")
                        .param(s.id()).update());
        if (jdbc.sql("select count(*) from reports_contact_thread").query(Long.class).single() > 0) {
            return;
        }
        var resident = accounts.findByEmail(DEMO_RESIDENT);
        var topic = desk.activeTopics().stream().findFirst();
        if (resident.isEmpty() || topic.isEmpty()) {
            return;
        }
        long id = desk.open(new ContactDesk.Opening(topic.get().id(), "Horaires de la mairie en août",
                "Bonjour, la mairie est-elle ouverte le samedi matin en août ?",
                new ContactDesk.Sender(resident.get().id(), DEMO_RESIDENT, resident.get().displayName())));
        jdbc.sql("insert into reports_contact_message (thread_id, occurred_at, body, from_agent) select id,"
                + " last_message_at, ?, true from reports_contact_thread where id = ?")
                .params("Bonjour, oui : de 9 h à 12 h, sauf le samedi 15 août.", id).update();
        jdbc.sql("update reports_contact_thread set status = 'ANSWERED' where id = ?").param(id).update();
    }
}
