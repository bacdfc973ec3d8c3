package org.awardeval.deliberation;

import java.util.List;
import java.util.Map;
import org.awardeval.deliberation.PanelRepository.PanelMember;
import org.awardeval.deliberation.PanelService.PanelRegistration;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The panel registry for coordinators: members with affiliation, country and declared conflicts. */
@RestController
class PanelController {

    private final PanelService panel;

    PanelController(PanelService panel) {
        this.panel = panel;
    }

    /** Registers a member, or updates the profile and conflicts of one registered before. */
    @PostMapping("/api/panel-members")
    public PanelMember register(@RequestBody(required = false) PanelRegistration registration) {
        if (registration == null) {
            throw new ValidationException(List.of(new FieldError("body", "is empty")));
        }
        panel.register(registration);
        return panel.member(registration.userId());
    }

    @GetMapping("/api/panel-members")
    public List<Map<String, Object>> members() {
        return panel.members().stream().map(panel::member).map(m -> Map.<String, Object>of("userId", m.userId(), "code", m.code(),
                "name", m.name(), "affiliation", String.valueOf(m.affiliation()), "country", String.valueOf(m.country()),
                "conflicts", m.conflicts())).toList();
    }
}
