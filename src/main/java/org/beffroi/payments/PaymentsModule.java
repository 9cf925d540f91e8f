package org.beffroi.payments;

import java.util.List;

import org.beffroi.platform.ServiceModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The payments' descriptor. No back office and so no permission yet (see its README). When the PayFiP simulator runs
 * (demo and tests only), its SOAP web service takes POSTs without a CSRF token: a server calls it, as PayFiP's.
 */
@Component
public class PaymentsModule implements ServiceModule {

    /** The PayFiP simulator's web service (package {@code internal.simulator}). */
    public static final String PAYFIP_SIMULATOR_WEB_SERVICE = "/simulateur-payfip/tpa/services/securite";

    private final boolean payfipSimulator;

    PaymentsModule(@Value("${beffroi.payments.payfip.simulator.enabled:false}") boolean payfipSimulator) {
        this.payfipSimulator = payfipSimulator;
    }

    @Override
    public String id() {
        return "payments";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public List<String> pathsWithoutCsrf() {
        return payfipSimulator ? List.of(PAYFIP_SIMULATOR_WEB_SERVICE) : List.of();
    }
}
