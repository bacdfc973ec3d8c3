package org.awardeval.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a deployment may contain: deploying is running code on the server, so a process owner's BPMN and DMN may use
 * the engine only as the shipped processes do. No scripts, no Java classes, no connectors to other servers; expressions
 * are variables, literals and operators, delegate beans by name, and the few calls the shipped processes make
 * ({@link #ALLOWED_CALLS}). FEEL in decisions and forms is kept; other expression languages in decisions are not.
 * Each problem names the file, the line and the element.
 */
public final class DeploymentCheck {

    /** Method calls and property reads an expression may make, as a shape: identifiers, then calls and properties. */
    static final List<String> ALLOWED_CALLS = List.of(
            "execution.getVariable(literal)",
            "execution.hasVariable(literal)",
            "decisionResult.getSingleResult()",
            "decisionResult.getSingleResult().*");

    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final Set<String> CAMUNDA = Set.of(CAMUNDA_BPMN, CAMUNDA_DMN);
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
    private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS);

    private DeploymentCheck() {
    }

    /** The problems of a deployment's files, by name; empty when every file may be deployed. */
    public static List<String> problems(Map<String, byte[]> resources) {
        List<String> problems = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml") || lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                problems.addAll(xml(name, bytes));
            } else if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn11.xml") || lower.endsWith(".groovy") || lower.endsWith(".js")
                    || lower.endsWith(".py") || lower.endsWith(".rb")) {
                problems.add(name + ": files of this kind are not deployed here; only BPMN, DMN and forms");
            }
        });
        return problems;
    }

    private static List<String> xml(String name, byte[] bytes) {
        Handler handler = new Handler(name);
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new ByteArrayInputStream(bytes), handler);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            handler.problems.add(name + ": cannot be read as XML: " + e.getMessage());
        }
        return handler.problems;
    }

    private static final class Handler extends DefaultHandler {

        private final String file;
        private final List<String> problems = new ArrayList<>();
        private final Deque<StringBuilder> texts = new ArrayDeque<>();
        private final Deque<String> where = new ArrayDeque<>();
        private final Deque<Integer> lines = new ArrayDeque<>();
        private Locator locator;

        Handler(String file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            String id = attributes.getValue("id");
            String element = id != null ? local + " '" + id + "'" : !where.isEmpty() ? where.peek() : local;
            where.push(element);
            lines.push(line());
            texts.push(new StringBuilder());
            if ("scriptTask".equals(local)) {
                problem(element, "a script task runs code on the server; use a service task with a delegate");
            }
            if (CAMUNDA.contains(uri) && "script".equals(local)) {
                problem(element, "a script runs code on the server; use a delegate or an expression");
            }
            if (CAMUNDA.contains(uri) && "connector".equals(local)) {
                problem(element, "a connector calls other servers from the engine");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String attributeUri = attributes.getURI(i);
                String attribute = attributes.getLocalName(i);
                String value = attributes.getValue(i);
                if (CAMUNDA.contains(attributeUri) && Set.of("class", "variableMappingClass", "formHandlerClass").contains(attribute)) {
                    problem(element, "camunda:" + attribute + " runs any Java class; use a delegate by camunda:delegateExpression");
                } else if ("language".equals(attribute) && attributeUri.isEmpty() && "conditionExpression".equals(local)) {
                    problem(element, "a condition in the script language '" + value + "' runs code; use an expression");
                } else if ("expressionLanguage".equals(attribute) && !value.toLowerCase(Locale.ROOT).contains("feel")) {
                    problem(element, "expressions in '" + value + "' are not allowed in decisions; use FEEL");
                } else if (EXPRESSION.matcher(value).find()) {
                    expression(element, value);
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!texts.isEmpty()) {
                texts.peek().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            String text = texts.pop().toString().trim();
            String element = where.pop();
            int line = lines.pop();
            if (EXPRESSION.matcher(text).find() && !"documentation".equals(local) && !"text".equals(local)) {
                expression(element, text, line);
            }
        }

        private void expression(String element, String value) {
            expression(element, value, line());
        }

        private void expression(String element, String value, int line) {
            try {
                String problem = check(JUEL.build(value).getRoot());
                if (problem != null) {
                    problems.add(file + ": line " + line + ": " + element + ": the expression " + value + " " + problem);
                }
            } catch (TreeBuilderException e) {
                problems.add(file + ": line " + line + ": " + element + ": the expression " + value + " cannot be read: "
                        + e.getMessage());
            }
        }

        private void problem(String element, String what) {
            problems.add(file + ": line " + line() + ": " + element + ": " + what);
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }
    }

    /** Null when the expression only reads variables, compares and computes, or makes an allowed call. */
    static String check(Node node) {
        if (node instanceof AstFunction) {
            return "calls a function; only variables, delegate beans and comparisons are allowed";
        }
        if (node instanceof AstMethod || node instanceof AstDot || node instanceof AstBracket) {
            String shape = shape(node);
            boolean allowed = ALLOWED_CALLS.contains(shape) || ALLOWED_CALLS.stream().anyMatch(a -> a.endsWith(".*")
                    && shape.startsWith(a.substring(0, a.length() - 1)) && shape.indexOf('.', a.length() - 1) < 0
                    && shape.indexOf('(', a.length() - 1) < 0);
            return allowed ? null : "calls or reads " + shape + "; only variables, delegate beans, comparisons and "
                    + String.join(", ", ALLOWED_CALLS) + " are allowed";
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String problem = check(node.getChild(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** e.g. execution.getVariable(literal), decisionResult.getSingleResult().rule */
    static String shape(Node node) {
        if (node instanceof AstIdentifier identifier) {
            return identifier.getName();
        }
        if (node instanceof AstLiteral) {
            return "literal";
        }
        if (node instanceof AstMethod) {
            String target = shape(node.getChild(0));
            Node parameters = node.getChild(1);
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < parameters.getCardinality(); i++) {
                Node argument = parameters.getChild(i);
                arguments.add(argument instanceof AstIdentifier ? "identifier" : argument instanceof AstLiteral ? "literal" : "expression");
            }
            return target + "(" + String.join(", ", arguments) + ")";
        }
        if (node instanceof AstDot dot) {
            // AstDot prints as ". name"
            return shape(dot.getChild(0)) + "." + dot.toString().substring(2);
        }
        if (node instanceof AstBracket) {
            return shape(node.getChild(0)) + "[...]";
        }
        return "(expression)";
    }
}
