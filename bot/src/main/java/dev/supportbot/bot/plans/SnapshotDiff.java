package dev.supportbot.bot.plans;

import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.plan.Snapshot;
import dev.supportbot.workflows.plan.Snapshot.AccountContacts;
import dev.supportbot.workflows.plan.Snapshot.CustomerView;
import dev.supportbot.workflows.plan.Snapshot.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What differs between the back end a plan expected and the one it found, in a few words per difference: which
 * account's Sold To or Bill To, which memberships, which customers. Short enough for a Slack line or a note.
 */
final class SnapshotDiff {
    private static final int MAX_ITEMS = 6;

    private SnapshotDiff() {}

    /** The differences, e.g. "billing account 5: Sold To is Pat Doe <pat@acme.example> (expected Sam ...)". */
    static List<String> between(Snapshot expected, Snapshot found) {
        List<String> items = new ArrayList<>();
        accounts(expected, found, items);
        memberships(expected, found, items);
        customers(expected, found, items);
        return items;
    }

    /** {@link #between} in one line, at most {@value #MAX_ITEMS} differences and a count of the rest. */
    static String summary(Snapshot expected, Snapshot found) {
        List<String> items = between(expected, found);
        if (items.isEmpty()) return "no difference";
        String shown = String.join("; ", items.subList(0, Math.min(MAX_ITEMS, items.size())));
        return items.size() > MAX_ITEMS ? shown + "; and " + (items.size() - MAX_ITEMS) + " more" : shown;
    }

    private static void accounts(Snapshot expected, Snapshot found, List<String> items) {
        Map<Long, AccountContacts> was = byKey(expected.accounts(), AccountContacts::billingAccountId);
        Map<Long, AccountContacts> is = byKey(found.accounts(), AccountContacts::billingAccountId);
        for (Long id : union(was.keySet(), is.keySet())) {
            AccountContacts a = was.get(id);
            AccountContacts b = is.get(id);
            if (a == null) {
                items.add("billing account " + id + " was not expected");
            } else if (b == null) {
                items.add("billing account " + id + " is missing");
            } else {
                contact("billing account " + id + ": Sold To", a.soldTo(), b.soldTo(), items);
                contact("billing account " + id + ": Bill To", a.billTo(), b.billTo(), items);
            }
        }
    }

    private static void contact(String what, Contact expected, Contact found, List<String> items) {
        if (Objects.equals(expected, found)) return;
        if (Objects.equals(label(expected), label(found))) {
            items.add(what + " has another postal address");
        } else {
            items.add(what + " is " + label(found) + " (expected " + label(expected) + ")");
        }
    }

    private static void memberships(Snapshot expected, Snapshot found, List<String> items) {
        List<Member> gone = new ArrayList<>(expected.memberships());
        found.memberships().forEach(gone::remove);
        List<Member> added = new ArrayList<>(found.memberships());
        expected.memberships().forEach(added::remove);
        for (Member m : added) items.add("new membership of " + m.customerEmail() + " in billing account " + m.billingAccountId());
        for (Member m : gone) items.add("membership of " + m.customerEmail() + " in billing account " + m.billingAccountId() + " is gone");
    }

    private static void customers(Snapshot expected, Snapshot found, List<String> items) {
        Map<String, CustomerView> was = byKey(expected.customers(), CustomerView::email);
        Map<String, CustomerView> is = byKey(found.customers(), CustomerView::email);
        for (String email : union(was.keySet(), is.keySet())) {
            CustomerView a = was.get(email);
            CustomerView b = is.get(email);
            if (a == null) {
                items.add("new customer " + email);
            } else if (b == null) {
                items.add("customer " + email + " is gone");
            } else if (!a.equals(b)) {
                List<String> what = new ArrayList<>();
                if (!Objects.equals(a.firstName(), b.firstName()) || !Objects.equals(a.lastName(), b.lastName())) {
                    what.add("name is " + b.firstName() + " " + b.lastName());
                }
                if (a.loginActivated() != b.loginActivated()) what.add("login " + (b.loginActivated() ? "activated" : "not activated"));
                if (a.linkedToGitLab() != b.linkedToGitLab()) {
                    what.add(b.linkedToGitLab() ? "linked to a GitLab.com account" : "no longer linked to GitLab.com");
                }
                items.add("customer " + email + ": " + String.join(", ", what));
            }
        }
    }

    private static String label(Contact c) {
        return c == null ? "nobody" : c.fullName() + " <" + c.email() + ">";
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(key.apply(v), v));
        return map;
    }

    private static <K> TreeSet<K> union(Set<K> a, Set<K> b) {
        TreeSet<K> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
