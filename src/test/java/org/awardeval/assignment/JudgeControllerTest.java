package org.awardeval.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.security.ApiSecurity;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The judge registry's HTTP API alone, with the API's security: what a coordinator's client sends and gets back. */
@WebMvcTest(JudgeController.class)
@Import(ApiSecurity.class)
class JudgeControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean JudgeService judges;
    @MockitoBean JudgeRepository repository;
    @MockitoBean JudgeImporter importer;
    @MockitoBean IdentityService identityService;

    static final Judge STORED = new Judge(7, "jmarsh", "J07", "Helena Marsh", "h.marsh@judges.test", "F", "United Kingdom",
            "Europe and North America", "University of Northbridge", 12, List.of("MC", "NC"), Set.of());

    @Test
    @WithMockUser(roles = "coordinators")
    void aCoordinatorRegistersAJudgeAndGetsTheStoredRecordBack() throws Exception {
        when(repository.byUserId("jmarsh")).thenReturn(Optional.of(STORED));
        mvc.perform(post("/api/judges").contentType(MediaType.APPLICATION_JSON).content("""
                {"userId": "jmarsh", "password": "s3cret-pass", "firstName": "Helena", "lastName": "Marsh",
                 "email": "h.marsh@judges.test", "gender": "F", "country": "United Kingdom", "region": "Europe and North America",
                 "affiliation": "University of Northbridge", "maxLoad": 12, "expertise": ["MC", "NC"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("J07"))
                .andExpect(jsonPath("$.expertise[1]").value("NC"))
                .andExpect(jsonPath("$.password").doesNotExist());
        ArgumentCaptor<JudgeRegistration> registered = ArgumentCaptor.forClass(JudgeRegistration.class);
        verify(judges).register(registered.capture());
        assertThat(registered.getValue().maxLoad()).isEqualTo(12);
        assertThat(registered.getValue().expertise()).containsExactly("MC", "NC");
    }

    @Test
    @WithMockUser(roles = "coordinators")
    void aValueOfTheWrongTypeIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/judges").contentType(MediaType.APPLICATION_JSON).content("{\"userId\": \"jmarsh\", \"maxLoad\": \"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxLoad"))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type or format"));
        mvc.perform(post("/api/judges").contentType(MediaType.APPLICATION_JSON).content("{\"userId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/judges").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        verify(judges, never()).register(any());
    }

    @Test
    @WithMockUser(roles = "judges")
    void aJudgeCanNeitherRegisterNorListJudges() throws Exception {
        mvc.perform(get("/api/judges")).andExpect(status().isForbidden());
        mvc.perform(post("/api/judges").contentType(MediaType.APPLICATION_JSON).content("{\"userId\": \"me\"}"))
                .andExpect(status().isForbidden());
        verify(judges, never()).register(any());
    }

    @Test
    void withoutCredentialsTheRegistryAsksForThem() throws Exception {
        mvc.perform(get("/api/judges")).andExpect(status().isUnauthorized());
    }
}
