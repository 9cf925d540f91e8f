package org.beffroi.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoJsonOutlineTest {

    private static final String SQUARE = "[[[5.30,46.10],[5.31,46.10],[5.31,46.11],[5.30,46.11],[5.30,46.10]]]";

    @Test
    void aPolygonIsKeptAsItsGeometry() {
        var result = GeoJsonOutline.parse("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}");
        assertThat(result).isInstanceOfSatisfying(GeoJsonOutline.Valid.class,
                valid -> assertThat(valid.geometry()).startsWith("{\"type\":\"Polygon\""));
    }

    @Test
    void aFeatureGivesItsGeometryAndDropsItsProperties() {
        var result = GeoJsonOutline.parse("{\"type\":\"Feature\",\"properties\":{\"nom\":\"x\"},\"geometry\":"
                + "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "," + SQUARE + "]}}");
        assertThat(result).isInstanceOfSatisfying(GeoJsonOutline.Valid.class,
                valid -> assertThat(valid.geometry()).startsWith("{\"type\":\"MultiPolygon\"").doesNotContain("nom"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pas du json|geojson.not-json",
            "[1,2]|geojson.not-json",
            "{\"type\":\"Point\",\"coordinates\":[5.3,46.1]}|geojson.not-an-area",
            "{\"type\":\"Polygon\",\"coordinates\":[[[5.3,46.1],[5.31,46.1],[5.3,46.1]]]}|geojson.bad-coordinates",
            "{\"type\":\"Polygon\",\"coordinates\":[[[5.3,46.1],[5.31,46.1],[5.31,46.11],[5.3,46.12]]]}|geojson.ring-not-closed",
            "{\"type\":\"Polygon\",\"coordinates\":[[[500,46.1],[5.31,46.1],[5.31,46.11],[500,46.1]]]}|geojson.bad-coordinates",
            "{\"type\":\"Polygon\",\"coordinates\":[[[5.3,\"x\"],[5.31,46.1],[5.31,46.11],[5.3,\"x\"]]]}|geojson.bad-coordinates",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[]}|geojson.bad-coordinates"})
    void wrongOutlinesAreRefusedWithTheirReason(String text, String messageKey) {
        assertThat(GeoJsonOutline.parse(text)).isEqualTo(new GeoJsonOutline.Invalid(messageKey));
    }

    @Test
    void anOutlineTooLargeIsRefusedBeforeBeingRead() {
        assertThat(GeoJsonOutline.parse("[" + "0,".repeat(GeoJsonOutline.MAX_LENGTH) + "0]"))
                .isEqualTo(new GeoJsonOutline.Invalid("geojson.too-large"));
    }
}
