package org.osteon.mood;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.osteon.program.CheckinQuestionnaires;

/** The questionnaires a program's check-in may name: those this deployment offers ({@link MoodService#offered}). */
@ApplicationScoped
public class OfferedQuestionnaires implements CheckinQuestionnaires {
    private final Questionnaires questionnaires;
    private final MoodService mood;

    public OfferedQuestionnaires(Questionnaires questionnaires, MoodService mood) {
        this.questionnaires = questionnaires;
        this.mood = mood;
    }

    @Override
    public List<String> offered() {
        return mood.offered().stream().map(Questionnaire::id).toList();
    }

    @Override
    public List<String> defined() {
        return questionnaires.all().stream().map(Questionnaire::id).toList();
    }
}
