package org.mlplatform.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds fields outside the Kubernetes schema. The fabric8 model does not refuse them: each class
 * keeps what it does not know in {@code additionalProperties} (so does a known field whose value
 * has the wrong shape). This walks the object tree along the model's JSON properties and reports
 * every such leftover with its path, e.g. {@code spec.template.spec.contaners}.
 */
final class UnknownFields {

  private static final String MODEL_PACKAGE = "io.fabric8.";

  private UnknownFields() {}

  static void check(Manifest manifest, Problems problems) {
    walk(
        manifest.object(),
        "",
        manifest,
        problems,
        Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(
      Object value, String path, Manifest manifest, Problems problems, Set<Object> seen) {
    switch (value) {
      case null -> {}
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          walk(list.get(i), path + "[" + i + "]", manifest, problems, seen);
        }
      }
      case Map<?, ?> map ->
          map.forEach((k, v) -> walk(v, join(path, String.valueOf(k)), manifest, problems, seen));
      default -> {
        if (value.getClass().getName().startsWith(MODEL_PACKAGE) && seen.add(value)) {
          walkModel(value, path, manifest, problems, seen);
        }
      }
    }
  }

  private static void walkModel(
      Object model, String path, Manifest manifest, Problems problems, Set<Object> seen) {
    for (Class<?> c = model.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        if (field.getName().equals("additionalProperties")) {
          for (Object key : ((Map<?, ?>) read(field, model)).keySet()) {
            problems.add(
                manifest,
                join(path, String.valueOf(key)),
                "not in the Kubernetes schema of "
                    + model.getClass().getSimpleName()
                    + " (unknown field, or a value of the wrong shape)");
          }
        } else if (field.isAnnotationPresent(JsonProperty.class)) {
          String name = field.getAnnotation(JsonProperty.class).value();
          walk(
              read(field, model),
              join(path, name.isEmpty() ? field.getName() : name),
              manifest,
              problems,
              seen);
        }
      }
    }
  }

  private static Object read(Field field, Object owner) {
    try {
      field.setAccessible(true);
      Object value = field.get(owner);
      return value == null && field.getName().equals("additionalProperties") ? Map.of() : value;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
