package org.beffroi.payments.internal;

import java.time.Instant;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operations Beffroi started at PayFiP ({@code payments_payfip_operation}): an idOp and its payment. */
@Repository
@RequiredArgsConstructor
class PayfipOperations {

    /** An operation started: PayFiP's idOp, the payment's reference and amount in cents. */
    record Started(String idop, String reference, long amountCents) {
    }

    private final JdbcClient jdbc;

    void insert(Started operation, Instant at) {
        jdbc.sql("insert into payments_payfip_operation (idop, reference, amount_cents, created_at) values (?, ?, ?, ?)")
                .params(operation.idop(), operation.reference(), operation.amountCents(),
                        java.sql.Timestamp.from(at))
                .update();
    }

    Optional<Started> find(String idop) {
        return jdbc.sql("select idop, reference, amount_cents from payments_payfip_operation where idop = ?")
                .param(idop)
                .query((rs, n) -> new Started(rs.getString("idop"), rs.getString("reference"), rs.getLong("amount_cents")))
                .optional();
    }
}
