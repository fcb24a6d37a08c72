package io.vigil.event.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header line naming the columns (occurred_at, source and type required; subject, value,
 * outcome and properties optional, in any order). Fields may be quoted with double quotes ("" inside
 * a quoted field is a quote); a record is one line. An empty field is null.
 */
public final class CsvLineParser implements EventLineParser {

    private final Map<String, Integer> columns = new HashMap<>();

    /** @throws IllegalArgumentException if the header is not one Vigil can read, with what to fix */
    public CsvLineParser(String header) {
        List<String> names;
        try {
            names = split(header);
        } catch (BadLineException e) {
            throw new IllegalArgumentException("the CSV header cannot be read: " + e.getMessage());
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            if (!EventFields.ALL.contains(name)) {
                throw new IllegalArgumentException("the CSV header names an unknown column '" + name + "': known are "
                        + String.join(", ", EventFields.ALL));
            }
            if (columns.put(name, i) != null) {
                throw new IllegalArgumentException("the CSV header names column '" + name + "' twice");
            }
        }
        for (String required : List.of(EventFields.OCCURRED_AT, "source", "type")) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException("the CSV header has no column '" + required
                        + "': the first line must name the columns, e.g. occurred_at,source,type,subject,value,outcome,properties");
            }
        }
    }

    @Override
    public EventLine parse(String line) throws BadLineException {
        List<String> fields = split(line);
        if (fields.size() != columns.size()) {
            throw new BadLineException("has " + fields.size() + " fields, the header names " + columns.size());
        }
        String properties = field(fields, "properties");
        if (properties != null && !properties.isEmpty() && !JsonLinesParser.isObject(properties)) {
            throw new BadLineException("properties is not a JSON object: " + properties);
        }
        return new EventLine(
                EventFields.time(field(fields, EventFields.OCCURRED_AT)),
                EventFields.required("source", field(fields, "source")),
                EventFields.required("type", field(fields, "type")),
                emptyToNull(field(fields, "subject")),
                EventFields.number(field(fields, "value")),
                EventFields.outcome(field(fields, "outcome")),
                properties == null || properties.isEmpty() ? "{}" : properties);
    }

    private String field(List<String> fields, String name) {
        Integer index = columns.get(name);
        return index == null ? null : fields.get(index);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static List<String> split(String line) throws BadLineException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                throw new BadLineException("unexpected character after a closing quote at column " + (i + 1));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadLineException("a quoted field is not closed (a record must fit on one line)");
        }
        fields.add(field.toString());
        return fields;
    }
}
