package org.beffroi.portal.web;

import java.time.Clock;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RichText;
import org.beffroi.portal.CouncilMeeting;
import org.beffroi.portal.internal.CouncilRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The council's meetings for residents: agenda before, documents after, and how fast they came online. */
@Controller
@RequiredArgsConstructor
class CouncilController {

    private final CouncilRepository meetings;
    private final Clock clock;

    @GetMapping("/conseil")
    String list(Model model) {
        var now = clock.instant();
        var all = meetings.all();
        model.addAttribute("upcoming", all.stream().filter(m -> m.endsAt().isAfter(now)).toList().reversed());
        model.addAttribute("past", all.stream().filter(m -> !m.endsAt().isAfter(now)).toList());
        model.addAttribute("now", now);
        return "portal/council";
    }

    @GetMapping("/conseil/{id}")
    String meeting(@PathVariable long id, Model model) {
        CouncilMeeting meeting = meetings.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("meeting", meeting);
        model.addAttribute("agendaHtml", RichText.toHtml(meeting.agenda()));
        model.addAttribute("now", clock.instant());
        return "portal/meeting";
    }
}
