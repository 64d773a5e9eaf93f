package org.mlplatform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.mlplatform.persistence.migration.SchemaMigrator;

/**
 * Hibernate outside the container, on a migrated test database, with schema validation on: the same
 * mappings the platform uses, checked against the Flyway schema.
 */
public final class TestPersistence {

  private TestPersistence() {}

  public static EntityManagerFactory entityManagerFactory(TestDatabase db, Class<?>... entities) {
    new SchemaMigrator(db.dataSource()).migrate();
    HibernatePersistenceConfiguration config =
        new HibernatePersistenceConfiguration("test")
            .property("jakarta.persistence.nonJtaDataSource", db.dataSource())
            .property("hibernate.hbm2ddl.auto", "validate")
            .property("hibernate.jdbc.time_zone", "UTC");
    for (Class<?> entity : entities) {
      config.managedClass(entity);
    }
    return config.createEntityManagerFactory();
  }

  /** Runs work in one committed transaction. */
  public static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
    try (EntityManager em = emf.createEntityManager()) {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    }
  }
}
