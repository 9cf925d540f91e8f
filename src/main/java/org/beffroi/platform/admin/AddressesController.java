package org.beffroi.platform.admin;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PlatformModule.ManageSettings;
import org.beffroi.platform.internal.AddressImport;
import org.beffroi.platform.internal.JdbcAddresses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commune's addresses: the administrator imports its Base Adresse Locale or the national base's file, which
 * replaces the addresses known, and by default the list of streets too. A refused file changes nothing.
 */
@Controller
@RequestMapping("/admin/commune/adresses")
@ManageSettings
@RequiredArgsConstructor
class AddressesController {

    private final JdbcAddresses addresses;
    private final AddressImport importer;

    @GetMapping
    String page(Model model) {
        model.addAttribute("count", addresses.count());
        model.addAttribute("lastImport", addresses.lastImport().orElse(null));
        model.addAttribute("replaceStreets", true);
        model.addAttribute("badLines", List.of());
        return "platform/admin/addresses";
    }

    @PostMapping
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "replaceStreets", defaultValue = "false") boolean replaceStreets, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, response, replaceStreets, "settings.addresses.no-file", null, List.of());
        }
        var outcome = importer.importFile(file.getInputStream(), file.getOriginalFilename(), replaceStreets);
        if (!outcome.done()) {
            return refused(model, response, replaceStreets, outcome.problem(), outcome.problemArgument(),
                    outcome.reading().badLines());
        }
        redirect.addFlashAttribute("saved", "settings.addresses.imported");
        return "redirect:/admin/commune/adresses";
    }

    private String refused(Model model, HttpServletResponse response, boolean replaceStreets, String problem,
            Object argument, List<?> badLines) {
        page(model);
        model.addAttribute("replaceStreets", replaceStreets);
        model.addAttribute("fileProblem", problem);
        model.addAttribute("problemArgument", argument);
        model.addAttribute("badLines", badLines);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "platform/admin/addresses";
    }
}
