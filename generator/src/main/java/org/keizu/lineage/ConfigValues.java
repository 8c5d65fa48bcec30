package org.keizu.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keizu.load.RecordMapper;

/**
 * Value equality as a config means it: 1 equals 1.0, and lists and objects compare element by
 * element.
 */
final class ConfigValues {
    private static final ObjectMapper JSON = RecordMapper.plainJson();

    private ConfigValues() {}

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (java.util.Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!equal(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** A value as the comparison table prints it; an absent field is "absent". */
    static String show(JsonNode value) {
        if (value == null) {
            return "absent";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
