package org.beffroi.identity.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.AgentService;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where the town hall's services are created, changed and removed, each change with its audit entry. */
@Service
@RequiredArgsConstructor
public class AgentServiceDesk {

    private final AgentServiceRepository services;
    private final AuditLog audit;

    /** Answers the new service's id. */
    @Transactional
    public long create(String name, String email, String phone) {
        long id = services.insert(name.strip(), Text.blankToNull(email), Text.blankToNull(phone));
        audit.record("service.created", "service:" + id, name);
        return id;
    }

    @Transactional
    public void change(AgentService service, String name, String email, String phone) {
        services.update(service.id(), name.strip(), Text.blankToNull(email), Text.blankToNull(phone));
        audit.record("service.changed", "service:" + service.id(), name);
    }

    @Transactional
    public void delete(AgentService service) {
        services.delete(service.id());
        audit.record("service.deleted", "service:" + service.id(), service.name());
    }
}
