package org.beffroi.procedures.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Under the bench profile only: the yardstick insert and the drafts the filing benchmark files. */
@RestController
@Profile("bench")
@RequiredArgsConstructor
class BenchCasesController {

    private final BenchCases bench;

    @PostMapping("/bench/procedures/insertion-nue")
    ResponseEntity<Void> bareInsert(@RequestParam Map<String, String> form) {
        bench.bareInsert(answers(form));
        return ResponseEntity.noContent().build();
    }

    /** {@code count} drafts filled with the answers posted, one id per line. */
    @PostMapping(value = "/bench/procedures/brouillons", produces = MediaType.TEXT_PLAIN_VALUE)
    String drafts(@RequestParam int count, @RequestParam Map<String, String> form) {
        return bench.drafts(Math.min(count, 100_000), answers(form)).stream().map(Object::toString)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Map<String, Object> answers(Map<String, String> form) {
        var answers = new LinkedHashMap<String, Object>();
        form.forEach((key, value) -> {
            if (key.startsWith("champ-")) {
                answers.put(key, value);
            }
        });
        return answers;
    }
}
