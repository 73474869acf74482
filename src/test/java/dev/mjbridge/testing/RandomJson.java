package dev.mjbridge.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Random JSON trees for property tests of code that reads Discord payloads. */
public final class RandomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RandomJson() {
    }

    /**
     * Trees up to {@code depth} deep whose objects use the given field names (the names
     * the code under test looks for, so random values land where it reads) and whose
     * leaves come from {@code scalar}.
     */
    public static Arbitrary<JsonNode> tree(int depth, List<String> fields, Arbitrary<JsonNode> scalar) {
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> tree(depth - 1, fields, scalar));
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(Arbitraries.of(fields), child).as(Tuple::of)
                .list().ofMaxSize(6).map(entries -> {
                    ObjectNode node = NODES.objectNode();
                    entries.forEach(entry -> node.set(entry.get1(), entry.get2()));
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(3, object));
    }
}
