package org.beffroi.family.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.Euros;
import org.beffroi.payments.Payments;
import org.springframework.stereotype.Component;

/**
 * An invoice as an agent types it or as a line of the billing software's CSV brings it: the household (its reference,
 * or an adult's e-mail address), the invoice number, label, period, amount in euros and due date. Read into a
 * {@link NewInvoice}, or refused with a message key per field: the form and the import say the same.
 */
@Component
@RequiredArgsConstructor
public class InvoiceLines {

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final Households households;
    private final Payments payments;

    /** What an invoice line says, as typed. */
    public record Typed(String household, String number, String label, String period, String amount, String dueDate) {
    }

    /** An invoice ready to be written. */
    public record NewInvoice(long householdId, String number, String label, String period, long amountCents,
            LocalDate dueDate) {
    }

    /** Why a field is refused: its name ({@code household}, {@code amount}...), a message key and its arguments. */
    public record Problem(String field, String messageKey, Object... arguments) {
    }

    /** The invoice, or the problems (never both). */
    public record Reading(NewInvoice invoice, List<Problem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    public Reading read(Typed typed) {
        var problems = new ArrayList<Problem>();
        Long household = null;
        String who = strip(typed.household());
        if (who.isEmpty()) {
            problems.add(new Problem("household", "family.invoice.household.missing"));
        } else {
            Optional<Household> found = who.contains("@") ? households.byMemberEmail(who) : households.byReference(who);
            if (found.isEmpty()) {
                problems.add(new Problem("household", "family.invoice.household.unknown", who));
            } else {
                household = found.get().id();
            }
        }
        String number = strip(typed.number());
        if (number.isEmpty()) {
            problems.add(new Problem("number", "family.invoice.number.missing"));
        } else if (!NUMBER.matcher(number).matches()) {
            problems.add(new Problem("number", "family.invoice.number.invalid"));
        }
        String label = strip(typed.label());
        if (label.isEmpty()) {
            problems.add(new Problem("label", "family.invoice.label.missing"));
        } else if (label.length() > 150) {
            problems.add(new Problem("label", "family.invoice.label.long", 150));
        }
        String period = strip(typed.period());
        if (period.isEmpty()) {
            problems.add(new Problem("period", "family.invoice.period.missing"));
        } else if (period.length() > 40) {
            problems.add(new Problem("period", "family.invoice.period.long", 40));
        }
        var amount = Euros.read(typed.amount(), payments.maxAmountCents());
        if (!amount.accepted()) {
            problems.add(amount.refusal() == Euros.Refusal.OVER_MAXIMUM
                    ? new Problem("amount", amount.refusal().messageKey(), Euros.words(payments.maxAmountCents()))
                    : new Problem("amount", amount.refusal().messageKey()));
        }
        LocalDate due = date(strip(typed.dueDate()));
        if (due == null) {
            problems.add(new Problem("dueDate", strip(typed.dueDate()).isEmpty() ? "family.invoice.due.missing"
                    : "family.invoice.due.invalid"));
        }
        if (!problems.isEmpty()) {
            return new Reading(null, List.copyOf(problems));
        }
        return new Reading(new NewInvoice(household, number, label, period, amount.cents(), due), List.of());
    }

    /** A date as a form sends it (2026-12-31) or as a French spreadsheet writes it (31/12/2026). */
    static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
