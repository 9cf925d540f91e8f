package org.beffroi.identity;

/** A service (department) of the town hall: agents are attached to one or more. */
public record AgentService(long id, String name, String email, String phone) {
}
