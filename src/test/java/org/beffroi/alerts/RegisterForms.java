package org.beffroi.alerts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A filled-in registration form of the register, as the public page and the back office post it. */
public final class RegisterForms {

    private RegisterForms() {
    }

    /**
     * The form with consent given; {@code changes} are name/value pairs that replace the usual values (an
     * empty value sends the field empty).
     */
    public static MockHttpServletRequestBuilder filled(String path, String fullName, Long neighbourhoodId,
            String... changes) {
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("fullName", new String[] {fullName});
        fields.put("ageBracket", new String[] {"FROM_75_TO_84"});
        fields.put("address", new String[] {"12 rue des Tilleuls"});
        fields.put("phone", new String[] {"+33 6 12 34 56 78"});
        fields.put("contactName", new String[] {"Paul Voisin"});
        fields.put("contactPhone", new String[] {"01.23.45.67.89"});
        fields.put("needs", new String[] {"LIVES_ALONE", "POWERED_MEDICAL_DEVICE"});
        fields.put("needsNote", new String[] {"Concentrateur d’oxygène"});
        fields.put("consent", new String[] {"true"});
        if (neighbourhoodId != null) {
            fields.put("neighbourhoodId", new String[] {neighbourhoodId.toString()});
        }
        for (int i = 0; i + 1 < changes.length; i += 2) {
            fields.put(changes[i], new String[] {changes[i + 1]});
        }
        var request = post(path).with(csrf());
        fields.forEach(request::param);
        return request;
    }
}
