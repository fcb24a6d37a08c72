package io.vigil.event.parse;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object per line: {"occurred_at": "2026-11-23T10:15:00Z", "source": "shop", "type":
 * "checkout", "subject": "user-1", "value": 12.5, "outcome": "SUCCESS", "properties": {...}}. A field
 * Vigil does not know is refused rather than dropped.
 */
public final class JsonLinesParser implements EventLineParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public EventLine parse(String line) throws BadLineException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new BadLineException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLineException("not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!EventFields.ALL.contains(name)) {
                throw new BadLineException("unknown field '" + name + "' (known: " + String.join(", ", EventFields.ALL) + ")");
            }
        }
        JsonNode value = node.get("value");
        if (value != null && !value.isNull() && !value.isNumber()) {
            throw new BadLineException("value " + value + " is not a number");
        }
        JsonNode properties = node.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            throw new BadLineException("properties must be a JSON object, was " + properties);
        }
        return new EventLine(
                EventFields.time(text(node, EventFields.OCCURRED_AT)),
                EventFields.required("source", text(node, "source")),
                EventFields.required("type", text(node, "type")),
                text(node, "subject"),
                value == null || value.isNull() ? null : EventFields.number(value.toString()),
                EventFields.outcome(text(node, "outcome")),
                properties == null || properties.isNull() ? "{}" : properties.toString());
    }

    static boolean isObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) throws BadLineException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadLineException(field + " must be a string, was " + value);
        }
        return value.asString();
    }
}
