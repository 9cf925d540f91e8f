package org.beffroi.procedures.web;

import java.util.List;

import org.beffroi.procedures.definition.FieldDefinition;

/**
 * A field as a filling page draws it: its control's id and name, what the resident gave (a text, the values of a
 * multiple choice, a block's rows), the message next to it, and whether its condition holds now.
 */
public record FieldView(FieldDefinition field, String id, String name, String value, List<String> values,
        List<Row> rows, String error, boolean shown, Point point) {

    /**
     * The point of an address on the map (an address of the page itself, not of a block's row): the latitude's and
     * the longitude's ids, names, what was typed or picked, and their messages.
     */
    public record Point(String latitudeId, String latitudeName, String latitude, String latitudeError,
            String longitudeId, String longitudeName, String longitude, String longitudeError) {
    }

    FieldView withPoint(Point point) {
        return new FieldView(field, id, name, value, values, rows, error, shown, point);
    }

    /** A row of a repeatable block: its number (from 0) and its own fields. */
    public record Row(int index, List<FieldView> fields) {
    }

    public String type() {
        return field.type().name();
    }

    /** The ids the control is described by: its error, else its hint. */
    public String describedBy() {
        if (error != null) {
            return id + "-error";
        }
        return field.hint() == null || field.hint().isBlank() ? null : id + "-hint";
    }

    public boolean checked(String choice) {
        return values.contains(choice) || choice.equals(value);
    }

    public boolean canAddRow() {
        return rows.size() < field.maxRepeat();
    }
}
