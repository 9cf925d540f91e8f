package org.beffroi.identity;

import java.util.List;
import java.util.Optional;

/** The identity module's facade for other modules. */
public interface Accounts {

    Optional<AccountSummary> find(long accountId);

    List<AgentService> services();
}
