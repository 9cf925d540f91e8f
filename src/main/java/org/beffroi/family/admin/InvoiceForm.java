package org.beffroi.family.admin;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.family.internal.InvoiceLines;

/** An invoice as an agent types it; read by {@link InvoiceLines}, as a line of an import is. */
@Getter
@Setter
public class InvoiceForm {

    private String household;
    private String number;
    private String label;
    private String period;
    private String amount;
    private String dueDate;

    InvoiceLines.Typed typed() {
        return new InvoiceLines.Typed(household, number, label, period, amount, dueDate);
    }
}
