package org.beffroi.search.admin;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import lombok.Getter;

import org.springframework.validation.Errors;

/** A word and its synonyms as the administrator types them: one word, then words or expressions between commas. */
public class SynonymForm {

    static final int MAX_WORD = 60;
    static final int MAX_SYNONYMS = 500;
    /** One word as the search cuts them: letters and digits, no space, hyphen or apostrophe. */
    private static final Pattern ONE_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    @Getter private String word = "";
    @Getter private String synonyms = "";

    public void setWord(String word) {
        this.word = word == null ? "" : word.strip();
    }

    public void setSynonyms(String synonyms) {
        this.synonyms = synonyms == null ? "" : synonyms.strip();
    }

    /** The synonyms, each once, without blanks. */
    List<String> synonymList() {
        return Arrays.stream(synonyms.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    void validate(Errors errors) {
        if (word.isEmpty()) {
            errors.rejectValue("word", "admin.search.synonyms.word.blank");
        } else if (word.length() > MAX_WORD) {
            errors.rejectValue("word", "admin.search.synonyms.word.long", new Object[] {MAX_WORD}, null);
        } else if (!ONE_WORD.matcher(word).matches()) {
            errors.rejectValue("word", "admin.search.synonyms.word.one");
        }
        if (synonymList().isEmpty()) {
            errors.rejectValue("synonyms", "admin.search.synonyms.blank");
        } else if (String.join(", ", synonymList()).length() > MAX_SYNONYMS) {
            errors.rejectValue("synonyms", "admin.search.synonyms.long", new Object[] {MAX_SYNONYMS}, null);
        } else if (synonymList().stream().anyMatch(s -> s.equalsIgnoreCase(word))) {
            errors.rejectValue("synonyms", "admin.search.synonyms.same");
        }
    }
}
