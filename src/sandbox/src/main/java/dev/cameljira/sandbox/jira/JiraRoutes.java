package dev.cameljira.sandbox.jira;

import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.rest.AttachmentResource;
import dev.cameljira.sandbox.jira.rest.CommentResource;
import dev.cameljira.sandbox.jira.rest.ComponentResource;
import dev.cameljira.sandbox.jira.rest.CreateMetaResource;
import dev.cameljira.sandbox.jira.rest.DashboardResource;
import dev.cameljira.sandbox.jira.rest.LinkResource;
import dev.cameljira.sandbox.jira.rest.LiteralRoutesResource;
import dev.cameljira.sandbox.jira.rest.PermissionResource;
import dev.cameljira.sandbox.jira.rest.ProjectResource;
import dev.cameljira.sandbox.jira.rest.PropertyResource;
import dev.cameljira.sandbox.jira.rest.ReferenceDataResource;
import dev.cameljira.sandbox.jira.rest.RemoteLinkResource;
import dev.cameljira.sandbox.jira.rest.RoleResource;
import dev.cameljira.sandbox.jira.rest.SchemeResource;
import dev.cameljira.sandbox.jira.rest.VoteResource;
import dev.cameljira.sandbox.jira.rest.EditMetaResource;
import dev.cameljira.sandbox.jira.rest.UserResource;
import dev.cameljira.sandbox.jira.rest.VersionResource;
import dev.cameljira.sandbox.jira.rest.WatcherResource;
import dev.cameljira.sandbox.jira.rest.WebhookResource;
import dev.cameljira.sandbox.jira.rest.WorklogFeedResource;
import dev.cameljira.sandbox.jira.rest.WorklogResource;
import dev.cameljira.sandbox.jira.rest.WorkflowResource;
import dev.cameljira.sandbox.jira.rest.FilterResource;
import dev.cameljira.sandbox.jira.rest.GroupResource;
import dev.cameljira.sandbox.jira.rest.IssueResource;
import dev.cameljira.sandbox.jira.rest.SearchResource;
import dev.cameljira.sandbox.jira.rest.SystemResource;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.webhook.WebhookRegistry;

/** Registers every Jira resource on a router. */
public final class JiraRoutes {

    private JiraRoutes() {
    }

    public static Router create(JiraContext ctx, SearchService search, WebhookRegistry webhooks) {
        Router router = new Router();
        new SystemResource(ctx).register(router);
        new IssueResource(ctx).register(router);
        new CommentResource(ctx).register(router);
        new SearchResource(ctx, search).register(router);
        new ProjectResource(ctx).register(router);
        new UserResource(ctx).register(router);
        new GroupResource(ctx).register(router);
        new CreateMetaResource(ctx).register(router);
        new AttachmentResource(ctx).register(router);
        new WatcherResource(ctx).register(router);
        new LinkResource(ctx).register(router);
        new WorklogResource(ctx).register(router);
        new WorklogFeedResource(ctx).register(router);
        new PropertyResource(ctx.store()).register(router);
        new RemoteLinkResource(ctx.store()).register(router);
        new VoteResource(ctx).register(router);
        new SchemeResource(ctx).register(router);
        new EditMetaResource(ctx).register(router);
        new WebhookResource(ctx.store(), webhooks).register(router);
        new LiteralRoutesResource(ctx, search).register(router);
        new VersionResource(ctx).register(router);
        new PermissionResource(ctx.store()).register(router);
        new RoleResource(ctx).register(router);
        new ComponentResource(ctx).register(router);
        new FilterResource(ctx, search).register(router);
        new ReferenceDataResource(ctx, search).register(router);
        new DashboardResource(ctx).register(router);
        new WorkflowResource(ctx).register(router);
        return router;
    }
}
