package io.tracker.domain.attribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Visitors joined into persons by their identity links, transitively: two visitors are one person
 * when a chain of shared person keys connects them (visitor A and B share {@code user:42}, B and C
 * share {@code email:…}: A, B and C are one person). A visitor without links is a person of its own.
 * These are the connected components of the visitor–key graph, found with union–find.
 *
 * <p>A key linked to more than {@link #MAX_VISITORS_PER_KEY} visitors joins nothing: such a key is a
 * shared or test account (or a site sending a constant user id), and joining it would pour thousands
 * of strangers' touches into one journey. Whoever loads the links leaves such keys out.
 */
public final class Persons {

    /** Most visitors one person key may join; a key with more is treated as shared and ignored. */
    public static final int MAX_VISITORS_PER_KEY = 1_000;

    private final List<Set<String>> groups;
    private final Map<String, Set<String>> groupOf;

    private Persons(List<Set<String>> groups) {
        this.groups = groups;
        this.groupOf = new HashMap<>();
        groups.forEach(g -> g.forEach(v -> groupOf.put(v, g)));
    }

    /**
     * Joins the visitors by the links.
     *
     * @param visitors every visitor to place (those in the links are added too)
     * @param links    identity links among them, in any order, repeats allowed
     */
    public static Persons join(Collection<String> visitors, Collection<IdentityLink> links) {
        UnionFind sets = new UnionFind();
        visitors.forEach(sets::add);
        Map<String, String> firstVisitorOfKey = new HashMap<>();
        for (IdentityLink link : links) {
            sets.add(link.visitorId());
            String first = firstVisitorOfKey.putIfAbsent(link.personKey(), link.visitorId());
            if (first != null) {
                sets.union(first, link.visitorId());
            }
        }
        Map<String, Set<String>> byRoot = new HashMap<>();
        for (String v : sets.elements()) {
            byRoot.computeIfAbsent(sets.find(v), r -> new TreeSet<>()).add(v);
        }
        List<Set<String>> groups = new ArrayList<>();
        byRoot.values().forEach(g -> groups.add(Collections.unmodifiableSet(g)));
        groups.sort(Comparator.comparing(g -> g.iterator().next()));
        return new Persons(List.copyOf(groups));
    }

    /** Each person's visitors, sorted; persons ordered by their first visitor id. Every visitor is in exactly one. */
    public List<Set<String>> groups() {
        return groups;
    }

    /** The visitors of the person the visitor belongs to (itself alone when it has no links or is unknown). */
    public Set<String> personOf(String visitorId) {
        return groupOf.getOrDefault(visitorId, Set.of(visitorId));
    }

    /** Every visitor of every person. */
    public Set<String> visitors() {
        return Collections.unmodifiableSet(groupOf.keySet());
    }

    /** Union–find with path compression. */
    private static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        void add(String v) {
            parent.putIfAbsent(v, v);
        }

        Set<String> elements() {
            return parent.keySet();
        }

        String find(String v) {
            String root = v;
            while (!root.equals(parent.get(root))) {
                root = parent.get(root);
            }
            for (String cur = v; !cur.equals(root); ) {
                String next = parent.get(cur);
                parent.put(cur, root);
                cur = next;
            }
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                // The smaller id becomes the root: deterministic, whatever the order of the links.
                if (ra.compareTo(rb) < 0) {
                    parent.put(rb, ra);
                } else {
                    parent.put(ra, rb);
                }
            }
        }
    }
}
