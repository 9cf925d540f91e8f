package org.beffroi.identity;

import java.util.List;
import java.util.Optional;

import org.beffroi.platform.DataSubject;
import org.beffroi.platform.Role;

/** The identity module's facade for other modules. */
public interface Accounts {

    Optional<AccountSummary> find(long accountId);

    /** The account of this e-mail address (any case), if there is one. */
    Optional<AccountSummary> findByEmail(String email);

    List<AgentService> services();

    Optional<AgentService> service(long serviceId);

    /** The active staff accounts attached to the service, by name: whom a case of the service may be given to. */
    List<AccountSummary> agentsOf(long serviceId);

    /** The active accounts that hold the role, by name: for example the elected officials residents may address. */
    List<AccountSummary> holding(Role role);

    /** Whose data is the account's: the account and its verified address, if any (see {@link DataSubject}). */
    DataSubject dataSubject(long accountId);
}
