package org.beffroi.payments.internal;

import java.util.List;
import java.util.Optional;

import org.beffroi.payments.PaymentProvider;
import org.springframework.stereotype.Component;

/** The payment provider beans, by id. */
@Component
class Providers {

    private final List<PaymentProvider> all;

    Providers(List<PaymentProvider> all) {
        this.all = List.copyOf(all);
    }

    /** The providers' ids, in the order of their beans. */
    List<String> ids() {
        return all.stream().map(PaymentProvider::id).toList();
    }

    Optional<PaymentProvider> find(String id) {
        return id == null ? Optional.empty() : all.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
