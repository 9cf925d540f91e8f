package org.beffroi.reports.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.Degrees;
import org.springframework.web.multipart.MultipartFile;

/**
 * A report as the resident types it: a category, a place (a point, which the map fills, or a street of the commune and
 * an optional number), a description, photos, and a contact when signed out. The place and the contact are checked by
 * the controller, which knows the commune's area and who is signed in.
 */
@Getter
@Setter
public class ReportForm {

    /** The longest description. */
    public static final int MAX_DESCRIPTION = 2000;
    /** The most photos of a report. */
    public static final int MAX_PHOTOS = 3;

    @NotNull
    private Long categoryId;

    @Degrees
    private Double latitude;

    @Degrees
    private Double longitude;

    @Size(max = 150)
    private String street;

    @Size(max = 10)
    @Pattern(regexp = "\\s*(\\d{1,5}\\s*([a-zA-Z]|bis|ter|quater)?)?\\s*")
    private String streetNumber;

    @NotBlank
    @Size(max = MAX_DESCRIPTION)
    private String description;

    /** Never sent back to the page: a browser does not keep a file input's choice. */
    private MultipartFile[] photos;

    @Email
    @Size(max = 254)
    private String email;

    @Size(max = 120)
    private String name;

    private boolean showName;

    /**
     * The answers to the categories' questions, by question ({@code answers[12]}); the chosen category's are read, the
     * others' ignored (without JavaScript, every category's questions are on the page), and so is a key that is not a
     * question's id.
     */
    private Map<String, String> answers = new HashMap<>();

    /** Set once the resident has seen the possible duplicates and files theirs anyway. */
    private boolean differentFromOthers;

    /** The answer typed to the question, or null. */
    public String answer(long questionId) {
        return answers.get(Long.toString(questionId));
    }

    /** The answers by question id; keys that are not an id left out. */
    Map<Long, String> answersByQuestion() {
        var byQuestion = new HashMap<Long, String>();
        answers.forEach((key, answer) -> {
            if (key != null && key.matches("\\d{1,18}")) {
                byQuestion.put(Long.valueOf(key), answer);
            }
        });
        return byQuestion;
    }

    List<MultipartFile> chosenPhotos() {
        return photos == null ? List.of() : Arrays.stream(photos).filter(p -> p != null && !p.isEmpty()).toList();
    }
}
