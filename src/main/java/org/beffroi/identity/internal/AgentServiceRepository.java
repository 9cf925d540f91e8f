package org.beffroi.identity.internal;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.AgentService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The town hall's services (departments). */
@Repository
@RequiredArgsConstructor
public class AgentServiceRepository {

    private final JdbcClient jdbc;

    public List<AgentService> findAll() {
        return jdbc.sql("select * from identity_service order by name").query(AgentServiceRepository::service).list();
    }

    public Optional<AgentService> findById(long id) {
        return jdbc.sql("select * from identity_service where id = ?").param(id).query(AgentServiceRepository::service)
                .optional();
    }

    public Optional<AgentService> findByName(String name) {
        return jdbc.sql("select * from identity_service where lower(name) = lower(?)").param(name.strip())
                .query(AgentServiceRepository::service).optional();
    }

    public long insert(String name, String email, String phone) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into identity_service (name, email, phone) values (?, ?, ?)").params(name, email, phone)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String name, String email, String phone) {
        jdbc.sql("update identity_service set name = ?, email = ?, phone = ? where id = ?").params(name, email, phone, id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from identity_service where id = ?").param(id).update();
    }

    public long countAgents(long id) {
        return jdbc.sql("select count(*) from identity_account_service where service_id = ?").param(id)
                .query(Long.class).single();
    }

    private static AgentService service(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AgentService(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"));
    }
}
