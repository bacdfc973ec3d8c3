package org.awardeval.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelLogger;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * Decision tables' FEEL, each expression parsed once. Camunda's engine parses every cell again at every evaluation:
 * two thirds of deciding an application's eligibility went into parsing the same few dozen texts (docs/BENCHMARKS.md).
 * The evaluation is feel-scala's own, on the parsed expression, with the variables Camunda's engine gives it; a text
 * that does not parse is left to Camunda's engine, which reports it as before.
 */
@Component
class ParsedOnceFeel extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return;
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // Created once the engine has given the DMN configuration its custom functions.
        dmn.setFeelEngineFactory(() -> new Engine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's Scala FEEL engine with a cache of parsed texts. */
    static final class Engine extends ScalaFeelEngine {

        /** Deployed decisions hold a bounded number of texts; past this the cache starts again rather than grow. */
        static final int MOST_TEXTS = 10_000;

        private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
        private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

        Engine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders == null ? List.of() : functionProviders);
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
            if (parsed == null) {
                return super.evaluateSimpleExpression(expression, variableContext);
            }
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new ContextVariableWrapper(variableContext);
                }
            };
            @SuppressWarnings("unchecked")
            T value = (T) value(feelEngine.eval(parsed, context));
            return value;
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
            ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
            if (parsed == null) {
                return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
            }
            StaticVariableProvider input = new StaticVariableProvider(
                    new camundajar.impl.scala.collection.immutable.Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
            ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new CompositeVariableProvider(toScalaList(input, variables));
                }
            };
            return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed, context)));
        }

        private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
                Function<String, Either<Failure, ParsedExpression>> parser) {
            ParsedExpression parsed = cache.get(expression);
            if (parsed != null) {
                return parsed;
            }
            Either<Failure, ParsedExpression> result = parser.apply(expression);
            if (!(result instanceof Right<Failure, ParsedExpression> right)) {
                return null;
            }
            if (cache.size() >= MOST_TEXTS) {
                cache.clear();
            }
            cache.put(expression, right.value());
            return right.value();
        }

        private static Object value(Either<Failure, Object> result) {
            if (result instanceof Right<Failure, Object> right) {
                return right.value();
            }
            throw ScalaFeelLogger.LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
        }
    }
}
