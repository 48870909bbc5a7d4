package dev.supportbot.bot.console;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

/** Reading the console's path parameters and form fields: anything out of shape is a 400 (or 404) saying which. */
final class ConsoleForms {
    private ConsoleForms() {}

    /**
     * A console form must come from the console's own pages: a browser sends {@code Origin} with every POST, and one
     * naming another site is refused (403), so no other page open in the same browser can post to the console.
     */
    static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return;
        String host = ctx.header("Host");
        if (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
            throw new ForbiddenResponse("this form was sent from another site");
        }
    }

    static long id(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (!value.matches("\\d{1,18}")) throw new NotFoundResponse("no such " + name);
        return Long.parseLong(value);
    }

    static String field(Context ctx, String name, int maxLength) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) throw new BadRequestResponse(name + " is required");
        if (value.length() > maxLength) throw new BadRequestResponse(name + " is longer than " + maxLength + " characters");
        return value.trim();
    }

    static String oneOf(Context ctx, String name, java.util.Collection<String> allowed) {
        String value = field(ctx, name, 320);
        if (!allowed.contains(value)) throw new BadRequestResponse(name + " is not one of the choices");
        return value;
    }
}
