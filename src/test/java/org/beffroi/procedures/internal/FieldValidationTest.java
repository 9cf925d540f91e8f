package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.beffroi.procedures.definition.Choice;
import org.beffroi.procedures.definition.Condition;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.internal.FieldValidation.FieldError;
import org.junit.jupiter.api.Test;

/** Each rule of a form's validation, alone: what passes, what is refused, with which message. */
class FieldValidationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static FieldDefinition field(String key, FieldType type, boolean required, String pattern, String message,
            Integer min, Integer max, List<Choice> choices, Condition when, List<FieldDefinition> fields,
            Integer maxRepeat) {
        return new FieldDefinition(key, type, key, null, required, pattern, message,
                min == null ? null : BigDecimal.valueOf(min), max == null ? null : BigDecimal.valueOf(max), choices,
                null, when, null, fields, maxRepeat);
    }

    static FieldDefinition simple(String key, FieldType type, boolean required) {
        return FieldDefinition.of(key, type, key, required);
    }

    static List<String> codes(List<FieldDefinition> fields, Map<String, Object> answers) {
        return FieldValidation.check(fields, answers, TODAY, k -> false).stream()
                .map(e -> e.key() + ":" + (e.code() == null ? e.text() : e.code())).toList();
    }

    @Test
    void aRequiredFieldLeftBlankIsRefusedAnOptionalOneIsNot() {
        var fields = List.of(simple("nom", FieldType.TEXT, true), simple("surnom", FieldType.TEXT, false));
        assertThat(codes(fields, Map.of("nom", "  ", "surnom", ""))).containsExactly("nom:procedures.validation.required");
        assertThat(codes(fields, Map.of("nom", "Jeanne"))).isEmpty();
        assertThat(codes(fields, Map.of())).containsExactly("nom:procedures.validation.required");
    }

    @Test
    void aPatternRefusesWithTheFormsOwnMessageOrAGeneralOne() {
        var own = field("immat", FieldType.TEXT, true, "[A-Z]{2}-[0-9]{3}-[A-Z]{2}", "Comme AB-123-CD.", null, null,
                null, null, null, null);
        assertThat(codes(List.of(own), Map.of("immat", "AB-123-CD"))).isEmpty();
        assertThat(codes(List.of(own), Map.of("immat", "AB123"))).containsExactly("immat:Comme AB-123-CD.");
        var general = field("code", FieldType.TEXT, false, "[0-9]+", null, null, null, null, null, null, null);
        assertThat(codes(List.of(general), Map.of("code", "x1"))).containsExactly("code:procedures.validation.pattern");
    }

    @Test
    void minAndMaxBoundANumbersValueATextsLengthAndADateInDaysFromToday() {
        var number = field("n", FieldType.NUMBER, true, null, null, 1, 10, null, null, null, null);
        assertThat(codes(List.of(number), Map.of("n", "3,5"))).isEmpty();
        assertThat(codes(List.of(number), Map.of("n", "0"))).containsExactly("n:procedures.validation.number-min");
        assertThat(codes(List.of(number), Map.of("n", "11"))).containsExactly("n:procedures.validation.number-max");
        assertThat(codes(List.of(number), Map.of("n", "douze"))).containsExactly("n:procedures.validation.number");

        var text = field("t", FieldType.TEXT, true, null, null, 3, 5, null, null, null, null);
        assertThat(codes(List.of(text), Map.of("t", "abcd"))).isEmpty();
        assertThat(codes(List.of(text), Map.of("t", "ab"))).containsExactly("t:procedures.validation.length-min");
        assertThat(codes(List.of(text), Map.of("t", "abcdef"))).containsExactly("t:procedures.validation.length-max");

        var date = field("d", FieldType.DATE, true, null, null, 0, 30, null, null, null, null);
        assertThat(codes(List.of(date), Map.of("d", "2026-12-07"))).isEmpty();
        assertThat(codes(List.of(date), Map.of("d", "2027-01-06"))).isEmpty();
        assertThat(codes(List.of(date), Map.of("d", "2026-12-06"))).containsExactly("d:procedures.validation.date-min");
        assertThat(codes(List.of(date), Map.of("d", "2027-01-07"))).containsExactly("d:procedures.validation.date-max");
        assertThat(codes(List.of(date), Map.of("d", "07/12/2026"))).containsExactly("d:procedures.validation.date");
        var error = FieldValidation.check(List.of(date), Map.of("d", "2026-01-01"), TODAY, k -> false).getFirst();
        assertThat(error.args()).containsExactly(TODAY);
    }

    @Test
    void anEmailAndAFrenchPhoneNumberMustBeReal() {
        var email = simple("e", FieldType.EMAIL, true);
        assertThat(codes(List.of(email), Map.of("e", "jeanne@exemple.fr"))).isEmpty();
        assertThat(codes(List.of(email), Map.of("e", "jeanne@"))).containsExactly("e:procedures.validation.email");
        assertThat(codes(List.of(email), Map.of("e", "jeanne exemple.fr"))).containsExactly("e:procedures.validation.email");
        var phone = simple("p", FieldType.PHONE, true);
        for (String good : List.of("06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "01.23.45.67.89")) {
            assertThat(codes(List.of(phone), Map.of("p", good))).as(good).isEmpty();
        }
        for (String bad : List.of("12", "06 12 34", "numéro", "00 00 00 00 00")) {
            assertThat(codes(List.of(phone), Map.of("p", bad))).as(bad).containsExactly("p:procedures.validation.phone");
        }
    }

    @Test
    void aChoiceMustBeOneOfThoseOffered() {
        var choices = List.of(new Choice("a", "A"), new Choice("b", "B"));
        var single = field("s", FieldType.SINGLE_CHOICE, true, null, null, null, null, choices, null, null, null);
        assertThat(codes(List.of(single), Map.of("s", "a"))).isEmpty();
        assertThat(codes(List.of(single), Map.of("s", "z"))).containsExactly("s:procedures.validation.choice");
        var multiple = field("m", FieldType.MULTIPLE_CHOICE, true, null, null, null, null, choices, null, null, null);
        assertThat(codes(List.of(multiple), Map.of("m", List.of("a", "b")))).isEmpty();
        assertThat(codes(List.of(multiple), Map.of("m", List.of("a", "z")))).containsExactly("m:procedures.validation.choice");
        assertThat(codes(List.of(multiple), Map.of("m", List.of()))).containsExactly("m:procedures.validation.required");
        var box = simple("c", FieldType.CHECKBOX, true);
        assertThat(codes(List.of(box), Map.of("c", "oui"))).isEmpty();
        assertThat(codes(List.of(box), Map.of("c", ""))).containsExactly("c:procedures.validation.checkbox");
    }

    @Test
    void aHiddenFieldIsNeitherCheckedNorKept() {
        var choices = List.of(new Choice("perso", "Perso"), new Choice("pro", "Pro"));
        var usage = field("usage", FieldType.SINGLE_CHOICE, true, null, null, null, null, choices, null, null, null);
        var employer = field("employeur", FieldType.TEXT, true, null, null, null, null, null,
                new Condition("usage", "pro"), null, null);
        var fields = List.of(usage, employer);
        assertThat(codes(fields, Map.of("usage", "perso"))).isEmpty();
        assertThat(codes(fields, Map.of("usage", "pro"))).containsExactly("employeur:procedures.validation.required");
        assertThat(FieldValidation.kept(fields, Map.of("usage", "perso", "employeur", "ACME")))
                .containsEntry("usage", "perso").containsEntry("employeur", null);
        assertThat(FieldValidation.kept(fields, Map.of("usage", "pro", "employeur", " ACME ")))
                .containsEntry("employeur", "ACME");
    }

    @Test
    void aRequiredFileCountsAsGivenWhenAnAttachmentIsThere() {
        var file = simple("piece", FieldType.FILE, true);
        assertThat(FieldValidation.check(List.of(file), Map.of(), TODAY, k -> false)).extracting(FieldError::code)
                .containsExactly("procedures.validation.file-required");
        assertThat(FieldValidation.check(List.of(file), Map.of(), TODAY, "piece"::equals)).isEmpty();
    }

    @Test
    void aBlocksRowsAreCheckedEachAndCountedUpToItsMaximum() {
        var block = field("enfants", FieldType.REPEATABLE, true, null, null, null, null, null, null,
                List.of(simple("prenom", FieldType.TEXT, true), field("age", FieldType.NUMBER, false, null, null, 0, 25,
                        null, null, null, null)), 2);
        assertThat(codes(List.of(block), Map.of("enfants", List.of()))).containsExactly("enfants:procedures.validation.block-required");
        assertThat(codes(List.of(block), Map.of("enfants", List.of(Map.of("prenom", "Léa", "age", "4"))))).isEmpty();
        assertThat(codes(List.of(block), Map.of("enfants", List.of(Map.of("prenom", "Léa"), Map.of("prenom", "", "age", "30")))))
                .containsExactly("enfants.1.prenom:procedures.validation.required", "enfants.1.age:procedures.validation.number-max");
        assertThat(codes(List.of(block), Map.of("enfants", List.of(Map.of("prenom", "A"), Map.of("prenom", "B"),
                Map.of("prenom", "C"))))).containsExactly("enfants:procedures.validation.block-max");
    }

    static List<String> codes(List<FieldDefinition> fields, Map<String, Object> answers,
            FieldValidation.Territory territory) {
        return FieldValidation.check(fields, answers, TODAY, k -> false, territory).stream()
                .map(e -> e.key() + ":" + e.code()).toList();
    }

    @Test
    void anAddressPointIsBothCoordinatesOrNeitherWithinTheirBoundsAndTheCommune() {
        var address = List.of(simple("adresse", FieldType.ADDRESS, true));
        FieldValidation.Territory nearBelvoir = (lat, lon) -> Math.abs(lat - 46.1) < 0.1 && Math.abs(lon - 5.3) < 0.1;
        assertThat(codes(address, Map.of("adresse", "2 rue des Tilleuls"), nearBelvoir)).isEmpty();
        assertThat(codes(address, Map.of("adresse", "2 rue des Tilleuls", "adresse.lat", "", "adresse.lon", " "),
                nearBelvoir)).isEmpty();
        assertThat(codes(address, Map.of("adresse", "2 rue des Tilleuls", "adresse.lat", "46,105",
                "adresse.lon", "5.33"), nearBelvoir)).isEmpty();
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lat", "46.105"), nearBelvoir))
                .containsExactly("adresse.lon:procedures.validation.point-both");
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lon", "5.33"), nearBelvoir))
                .containsExactly("adresse.lat:procedures.validation.point-both");
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lat", "nord", "adresse.lon", "5.33"), nearBelvoir))
                .containsExactly("adresse.lat:procedures.validation.latitude");
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lat", "91", "adresse.lon", "5.33"), nearBelvoir))
                .containsExactly("adresse.lat:procedures.validation.latitude");
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lat", "NaN", "adresse.lon", "5.33"), nearBelvoir))
                .containsExactly("adresse.lat:procedures.validation.latitude");
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lat", "46.1", "adresse.lon", "-180.5"),
                FieldValidation.Territory.ANYWHERE)).containsExactly("adresse.lon:procedures.validation.longitude");
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lat", "48.85", "adresse.lon", "2.35"), nearBelvoir))
                .containsExactly("adresse.lat:procedures.validation.point-outside");
        assertThat(codes(address, Map.of("adresse", "x", "adresse.lat", "48.85", "adresse.lon", "2.35"),
                FieldValidation.Territory.ANYWHERE)).isEmpty();
        // a point without its address: the address is still required
        assertThat(codes(address, Map.of("adresse.lat", "46.1", "adresse.lon", "5.3"), nearBelvoir))
                .containsExactly("adresse:procedures.validation.required");
    }

    @Test
    void anAddressPointIsKeptBesideItsTextWithAPointAndForgottenWhenTheFieldIsHidden() {
        var when = new Condition("mouvement", "arrivee");
        var address = field("adresse", FieldType.ADDRESS, true, null, null, null, null, null, when, null, null);
        var kept = FieldValidation.kept(List.of(address), Map.of("mouvement", "arrivee", "adresse", " 2 rue Haute ",
                "adresse.lat", " 46,1050 ", "adresse.lon", "5.33"));
        assertThat(kept).containsEntry("adresse", "2 rue Haute").containsEntry("adresse.lat", "46.105")
                .containsEntry("adresse.lon", "5.33");
        assertThat(FieldValidation.point("adresse", kept)).hasValueSatisfying(p -> assertThat(p)
                .containsExactly(46.105, 5.33));
        var hidden = FieldValidation.kept(List.of(address), Map.of("mouvement", "depart", "adresse", "2 rue Haute",
                "adresse.lat", "46.1", "adresse.lon", "5.33"));
        assertThat(hidden).containsEntry("adresse", null).containsEntry("adresse.lat", null)
                .containsEntry("adresse.lon", null);
        // the text stays what every view reads
        assertThat(ReceiptPdf.words(address, kept.get("adresse"))).isEqualTo("2 rue Haute");
    }
}
