package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The free slots as JSON and the OpenAPI document that describes them. */
@BeffroiTest
class SlotsApiTest {

    @Autowired
    MockMvc mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theDemoCounterAnswersItsFreeSlotsWithTheirOffset() throws Exception {
        // a Monday to Friday two weeks ahead: the demo counter is open, nothing booked yet
        LocalDate monday = LocalDate.now(CommuneTime.ZONE).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        var answer = read(mvc.perform(get("/api/rendez-vous/creneaux").param("type", "carte-identite-et-passeport")
                .param("du", monday.toString()).param("au", monday.plusDays(4).toString()))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString());
        assertThat(answer.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(answer.get("bookingUrl").asString()).isEqualTo("/rendez-vous/carte-identite-et-passeport");
        List<String> starts = new ArrayList<>();
        answer.get("slots").forEach(s -> starts.add(s.get("start").asString()));
        // 9 h to 12 h and 14 h to 17 h, 30 minutes each: 12 a day, 5 days
        assertThat(starts).hasSize(60);
        var first = OffsetDateTime.parse(starts.getFirst());
        assertThat(first.toLocalDateTime()).isEqualTo(monday.atTime(9, 0));
        assertThat(first.getOffset()).isEqualTo(CommuneTime.ZONE.getRules().getOffset(first.toInstant()));
        assertThat(starts.getFirst()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?[+-]\\d{2}:\\d{2}");
    }

    @Test
    void badQuestionsAnswerAProblemDetail() throws Exception {
        mvc.perform(get("/api/rendez-vous/creneaux")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/rendez-vous/creneaux").param("type", "inconnu")).andExpect(status().isNotFound());
        mvc.perform(get("/api/rendez-vous/creneaux").param("type", "passeport").param("du", "demain"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/rendez-vous/creneaux").param("type", "passeport").param("du", "2027-01-10")
                .param("au", "2027-01-01")).andExpect(status().isBadRequest());
        var problem = read(mvc.perform(get("/api/rendez-vous/creneaux").param("type", "passeport")
                .param("du", "2027-01-01").param("au", "2027-03-01")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("31");
    }

    @Test
    void theOpenApiDocumentDescribesWhatTheApiAnswers() throws Exception {
        var document = read(mvc.perform(get("/api/rendez-vous/openapi.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(document.get("openapi").asString()).startsWith("3.");
        var operation = document.get("paths").get("/api/rendez-vous/creneaux").get("get");
        List<String> parameters = new ArrayList<>();
        operation.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).containsExactly("type", "du", "au");
        var schema = document.get("components").get("schemas").get("FreeSlots");
        var answer = read(mvc.perform(get("/api/rendez-vous/creneaux").param("type", "passeport"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(r -> required.add(r.asString()));
        List<String> fields = new ArrayList<>();
        answer.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(required);
        List<String> described = new ArrayList<>();
        schema.get("properties").propertyNames().forEach(described::add);
        assertThat(described).containsExactlyInAnyOrderElementsOf(fields);
    }

    private JsonNode read(String text) {
        return json.readTree(text);
    }
}
