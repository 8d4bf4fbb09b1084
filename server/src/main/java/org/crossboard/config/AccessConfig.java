package org.crossboard.config;

/**
 * Settings of accounts and access (README "Configure").
 *
 * @param jwtSecret HMAC key for tokens (≥ 32 characters); null: generated once into
 *     {@code DATA_DIR/jwt.key}. Nodes that share boards must share it.
 * @param tokenTtlMinutes lifetime of an account token; renewal moves it
 * @param maxConnectionsPerUser open sockets one person may hold on one node
 * @param passwordMemoryKb Argon2id memory cost
 * @param passwordIterations Argon2id passes
 * @param loginFailuresPerAccount failed sign-ins per account within the window before throttling
 * @param loginFailuresPerAddress failed sign-ins per client address within the window
 * @param loginWindowMs the throttling window
 * @param signupsPerAddressPerHour sign-ups one client address may make per hour (each costs a hash)
 */
public record AccessConfig(String jwtSecret, int tokenTtlMinutes, int maxConnectionsPerUser, int passwordMemoryKb,
    int passwordIterations, int loginFailuresPerAccount, int loginFailuresPerAddress, long loginWindowMs,
    int signupsPerAddressPerHour) {

  /** Never prints the secret (configs get logged). */
  @Override
  public String toString() {
    return "AccessConfig[jwtSecret=" + (jwtSecret == null ? "generated" : "***") + ", tokenTtlMinutes="
        + tokenTtlMinutes + ", maxConnectionsPerUser=" + maxConnectionsPerUser + ", passwordMemoryKb="
        + passwordMemoryKb + ", passwordIterations=" + passwordIterations + ", loginFailuresPerAccount="
        + loginFailuresPerAccount + ", loginFailuresPerAddress=" + loginFailuresPerAddress
        + ", loginWindowMs=" + loginWindowMs + ", signupsPerAddressPerHour=" + signupsPerAddressPerHour + "]";
  }
}
