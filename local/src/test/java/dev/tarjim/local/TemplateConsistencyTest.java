package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tarjim.emulators.ProjectPaths;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code template.yaml} agrees with the code: each function's handler class exists and is a Lambda handler, its zip
 * is the one its module builds, and the environment the template gives it is enough for the handler to start.
 */
class TemplateConsistencyTest {
    /** CloudFormation's short-form tags (!Ref, !Sub...) are dropped: their arguments are what matters here. */
    private static final Pattern CFN_TAG = Pattern.compile("!(Ref|Sub|GetAtt|If|Not|Equals|Join|Select|Split)\\b");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template() throws Exception {
        String text = CFN_TAG.matcher(Files.readString(ProjectPaths.root().resolve("template.yaml"))).replaceAll("");
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String... path) {
        Object cur = o;
        for (String p : path) {
            cur = cur == null ? null : ((Map<String, Object>) cur).get(p);
        }
        return cur == null ? Map.of() : (Map<String, Object>) cur;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunction_hasItsHandler_itsZip_andTheEnvironmentItNeeds() throws Exception {
        Map<String, Object> t = template();
        Map<String, Object> parameters = map(t, "Parameters");
        Map<String, Object> resources = map(t, "Resources");
        Map<String, String> functions = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            if ("AWS::Serverless::Function".equals(((Map<String, Object>) r).get("Type"))) {
                functions.put(name, (String) map(r, "Properties").get("Handler"));
            }
        });
        assertThat(functions).containsOnlyKeys("IngestFunction", "ApiFunction", "EmbargoReleaseFunction",
                "ReleaseDeferredFunction", "DeadLetterFunction");

        for (Map.Entry<String, String> f : functions.entrySet()) {
            Map<String, Object> props = map(resources.get(f.getKey()), "Properties");
            String codeUri = (String) props.get("CodeUri");
            Path module = ProjectPaths.root().resolve(codeUri).getParent().getParent();
            assertThat(Files.readString(module.resolve("pom.xml")))
                    .as(f.getKey() + " CodeUri " + codeUri)
                    .contains("<artifactId>" + Path.of(codeUri).getFileName().toString().replace(".zip", "")
                            + "</artifactId>");

            Class<?> handler = Class.forName(f.getValue().split("::")[0]);
            String method = f.getValue().split("::")[1];
            if (RequestStreamHandler.class.isAssignableFrom(handler)) {
                assertThat(handler.getMethod(method, java.io.InputStream.class, java.io.OutputStream.class,
                        com.amazonaws.services.lambda.runtime.Context.class)).isNotNull();
            } else {
                assertThat(RequestHandler.class).isAssignableFrom(handler);
                assertThat(handler.getMethod(method, Object.class,
                        com.amazonaws.services.lambda.runtime.Context.class)).isNotNull();
            }

            // The environment Lambda would give it: the template's variables (parameters at their defaults), plus
            // what Lambda itself sets.
            Map<String, String> env = new HashMap<>();
            env.put("AWS_REGION", "us-east-1");
            Map<String, Object> vars = new LinkedHashMap<>(map(t, "Globals", "Function", "Environment", "Variables"));
            vars.putAll(map(props, "Environment", "Variables"));
            vars.forEach((k, v) -> env.put(k, resolve(v, parameters)));
            Constructor<?> embedded = handler.getConstructor(Map.class);
            assertThat(embedded.newInstance(env)).as(f.getKey() + " starts with the template's environment")
                    .isInstanceOf(handler);
        }
    }

    /** A variable's value: a parameter's default (or a valid stand-in), a resource reference's name, or itself. */
    @SuppressWarnings("unchecked")
    private static String resolve(Object value, Map<String, Object> parameters) {
        String v = String.valueOf(value);
        if (parameters.containsKey(v)) {
            Object def = ((Map<String, Object>) parameters.get(v)).get("Default");
            return def != null ? String.valueOf(def) : "stand-in-value-for-" + v;
        }
        return v;
    }
}
