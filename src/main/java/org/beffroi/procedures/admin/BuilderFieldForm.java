package org.beffroi.procedures.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.Text;
import org.beffroi.procedures.definition.Choice;
import org.beffroi.procedures.definition.Condition;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.FileRules;
import org.beffroi.procedures.definition.Prefill;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.springframework.validation.Errors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A field as the form builder edits it. Its type is the stored field's (a field changes type by being replaced).
 * Choices are typed one per line, {@code valeur|libellé} (a line without a bar is both).
 */
@Getter
@Setter
public class BuilderFieldForm {

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,79}");

    @NotBlank
    @Size(max = 80)
    private String key;
    @NotBlank
    @Size(max = 500)
    private String label;
    @Size(max = 1000)
    private String hint;
    private boolean required;
    @Size(max = 500)
    private String pattern;
    @Size(max = 500)
    private String patternMessage;
    private BigDecimal min;
    private BigDecimal max;
    @Size(max = 10_000)
    private String choices;
    private List<String> fileTypes = new ArrayList<>();
    @Min(1)
    @Max(60)
    private Integer maxMegabytes;
    private String conditionField;
    @Size(max = 200)
    private String conditionValue;
    private Prefill prefill;
    @Min(1)
    @Max(50)
    private Integer maxRepeat;

    static BuilderFieldForm of(FieldDefinition f) {
        var form = new BuilderFieldForm();
        form.key = f.key();
        form.label = f.label();
        form.hint = f.hint();
        form.required = f.required();
        form.pattern = f.pattern();
        form.patternMessage = f.patternMessage();
        form.min = f.min();
        form.max = f.max();
        form.choices = String.join("\n", f.choices().stream()
                .map(c -> c.value().equals(c.label()) ? c.value() : c.value() + "|" + c.label()).toList());
        if (f.file() != null) {
            form.fileTypes = new ArrayList<>(f.file().types());
            form.maxMegabytes = f.file().maxMegabytes();
        }
        if (f.showWhen() != null) {
            form.conditionField = f.showWhen().field();
            form.conditionValue = f.showWhen().equals();
        }
        form.prefill = f.prefill();
        form.maxRepeat = f.maxRepeat();
        return form;
    }

    /** What needs the definition: a key of its own, a regular expression, choices, a condition on another field. */
    void validate(Errors errors, ProcedureDefinition definition, FieldDefinition original) {
        if (key != null && !errors.hasFieldErrors("key")) {
            String k = key.strip();
            if (!KEY.matcher(k).matches()) {
                errors.rejectValue("key", "procedures.builder.field.key.invalid");
            } else if (!k.equals(original.key()) && definition.field(k).isPresent()) {
                errors.rejectValue("key", "procedures.builder.field.key.taken");
            }
        }
        if (Text.blankToNull(pattern) != null && !errors.hasFieldErrors("pattern")) {
            try {
                Pattern.compile(pattern.strip());
            } catch (PatternSyntaxException e) {
                errors.rejectValue("pattern", "procedures.builder.field.pattern.invalid");
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.rejectValue("max", "procedures.builder.field.max.below-min");
        }
        if (original.type().hasChoices() && !errors.hasFieldErrors("choices")) {
            var parsed = parsedChoices();
            var values = new HashSet<String>();
            if (parsed.isEmpty()) {
                errors.rejectValue("choices", "procedures.builder.field.choices.none");
            } else if (parsed.stream().anyMatch(c -> c.value().isEmpty() || c.label().isEmpty()
                    || c.value().length() > 80 || !values.add(c.value()))) {
                errors.rejectValue("choices", "procedures.builder.field.choices.invalid");
            }
        }
        if (original.type() == FieldType.FILE && (fileTypes == null || fileTypes.isEmpty()
                || !FileRules.DOCUMENTS.containsAll(fileTypes))) {
            errors.rejectValue("fileTypes", "procedures.builder.field.file-types.invalid");
        }
        String on = Text.blankToNull(conditionField);
        if (on != null) {
            if (on.equals(original.key()) || definition.field(on).isEmpty()) {
                errors.rejectValue("conditionField", "procedures.builder.field.condition.unknown");
            } else if (Text.blankToNull(conditionValue) == null) {
                errors.rejectValue("conditionValue", "procedures.builder.field.condition.value");
            }
        }
    }

    private List<Choice> parsedChoices() {
        if (choices == null) {
            return List.of();
        }
        return choices.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> {
            int bar = line.indexOf('|');
            return bar < 0 ? new Choice(line, line)
                    : new Choice(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
        }).toList();
    }

    /** The field the form describes, once {@link #validate} found nothing to say. */
    FieldDefinition toField(FieldDefinition original) {
        var type = original.type();
        String on = Text.blankToNull(conditionField);
        return new FieldDefinition(key.strip(), type, label.strip(), Text.blankToNull(hint), required,
                Text.blankToNull(pattern), Text.blankToNull(patternMessage), min, max,
                type.hasChoices() ? parsedChoices() : List.of(),
                type == FieldType.FILE ? new FileRules(fileTypes, maxMegabytes == null ? 0 : maxMegabytes) : null,
                on == null ? null : new Condition(on, conditionValue.strip()), prefill,
                original.fields(), type == FieldType.REPEATABLE ? maxRepeat : null);
    }
}
