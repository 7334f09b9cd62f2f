package dev.cameljira.sandbox.jira;

import dev.cameljira.sandbox.jira.render.ActivityRenderer;
import dev.cameljira.sandbox.jira.render.IssueRenderer;
import dev.cameljira.sandbox.jira.render.Renderer;
import dev.cameljira.sandbox.jira.service.ActivityService;
import dev.cameljira.sandbox.jira.service.CommentService;
import dev.cameljira.sandbox.jira.service.ProjectService;
import dev.cameljira.sandbox.jira.service.EventPublisher;
import dev.cameljira.sandbox.jira.service.FieldWriters;
import dev.cameljira.sandbox.jira.service.History;
import dev.cameljira.sandbox.jira.service.IssueService;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.webhook.WebhookPayloads;

/** The wired emulator: store, renderers and services, shared by the REST resources and the admin API. */
public final class JiraContext {

    private final JiraStore store;
    private final Renderer renderer;
    private final ActivityRenderer activity;
    private final IssueRenderer issues;
    private final WebhookPayloads payloads;
    private final FieldWriters writers;
    private final History history;
    private final CommentService comments;
    private final IssueService issueService;
    private final EventPublisher events;
    private final ActivityService activityService;
    private final ProjectService projectService;

    public JiraContext(JiraStore store, EventPublisher events) {
        this.store = store;
        this.events = events;
        this.renderer = new Renderer(store.zone());
        this.activity = new ActivityRenderer(renderer);
        this.issues = new IssueRenderer(store, renderer, activity);
        this.payloads = new WebhookPayloads(store, renderer, activity, issues);
        this.writers = new FieldWriters(store.catalog());
        this.history = new History(store);
        this.comments = new CommentService(store, events, payloads);
        this.activityService = new ActivityService(store, history, events, payloads);
        this.issueService = new IssueService(store, writers, history, comments, events, payloads, activityService);
        this.projectService = new ProjectService(store, events, payloads);
    }

    public JiraStore store() {
        return store;
    }

    public Renderer renderer() {
        return renderer;
    }

    public ActivityRenderer activity() {
        return activity;
    }

    public IssueRenderer issues() {
        return issues;
    }

    public WebhookPayloads payloads() {
        return payloads;
    }

    public FieldWriters writers() {
        return writers;
    }

    public History history() {
        return history;
    }

    public CommentService comments() {
        return comments;
    }

    public IssueService issueService() {
        return issueService;
    }

    public EventPublisher events() {
        return events;
    }

    public ActivityService activityService() {
        return activityService;
    }

    public ProjectService projectService() {
        return projectService;
    }
}
