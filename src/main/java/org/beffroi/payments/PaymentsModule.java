package org.beffroi.payments;

import org.beffroi.platform.ServiceModule;
import org.springframework.stereotype.Component;

/**
 * The payments' descriptor. It declares nothing yet: the module has no page, no back office and so no permission
 * (see its README).
 */
@Component
public class PaymentsModule implements ServiceModule {

    @Override
    public String id() {
        return "payments";
    }

    @Override
    public int order() {
        return 55;
    }
}
