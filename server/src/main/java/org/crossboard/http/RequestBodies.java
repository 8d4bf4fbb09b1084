package org.crossboard.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.access.AccountService;
import org.crossboard.access.InviteService;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.protocol.Limits;

/**
 * Every REST request body (docs/API.md), turned into the typed values the services take. Fields
 * are checked in the order they are listed here, each by its rule in {@link Fields}; the first one
 * that breaks it is thrown as {@link CrossboardException} {@code ERR_INVALID}, which {@link Api}
 * answers.
 */
final class RequestBodies {
  private static final int MAX_BOARD_ID = 64;

  private RequestBodies() {}

  /** A sign-in: the email in its normal form and the password as typed. */
  record SignIn(String email, String password) {
    @Override
    public String toString() {
      // a record's own toString would print the password wherever the request got logged
      return "SignIn[email=" + email + "]";
    }
  }

  /** A password change: the current password as typed and the new one, checked. */
  record PasswordChange(String current, String next) {
    @Override
    public String toString() {
      return "PasswordChange[]";
    }
  }

  /** {@code {email, password, name, org?, country?, lang?}}. */
  static AccountService.SignUp signUp(JsonObject body) {
    String email = Fields.email(body);
    String password = Fields.newPassword(body);
    String name = Fields.required(body, "name", Limits.MAX_NAME_LENGTH);
    String org = Fields.optional(body, "org", Limits.MAX_NAME_LENGTH);
    String country = Fields.optional(body, "country", Limits.MAX_NAME_LENGTH);
    return new AccountService.SignUp(email, password, name, org, country, Fields.language(body));
  }

  /**
   * {@code {email, password}}: both must be strings, nothing more — a malformed email or a short
   * password is just a wrong one, and gets the same answer.
   */
  static SignIn signIn(JsonObject body) {
    if (!(body.getValue("email") instanceof String email) || !(body.getValue("password") instanceof String password)) {
      throw CrossboardException.invalid("email and password are required");
    }
    return new SignIn(AccountService.normalEmail(email), password);
  }

  /** {@code {current, password}}: the new password is checked first. */
  static PasswordChange passwordChange(JsonObject body) {
    String next = Fields.newPassword(body);
    if (!(body.getValue("current") instanceof String current)) {
      throw CrossboardException.invalid("current password is required");
    }
    return new PasswordChange(current, next);
  }

  /** {@code {lang}}: the language an account is written to, one of the account languages. */
  static String accountLanguage(JsonObject body) {
    return Fields.requiredLanguage(body);
  }

  /** {@code {name}} of a new workspace. */
  static String workspaceName(JsonObject body) {
    return Fields.required(body, "name", Limits.MAX_TITLE_LENGTH);
  }

  /** {@code {title}} of a new board. */
  static String boardTitle(JsonObject body) {
    return Fields.required(body, "title", Limits.MAX_TITLE_LENGTH);
  }

  /** {@code {role}} of a workspace member or of someone on a board. */
  static Role role(JsonObject body) {
    return Fields.role(body);
  }

  /** {@code {role, expiresInHours?, maxUses?, board?}} of a new invitation link. */
  static InviteService.NewInvite newInvite(JsonObject body) {
    Role role = Fields.role(body);
    int hours = Fields.wholeNumber(body, "expiresInHours", 1, InviteService.MAX_EXPIRES_IN_HOURS,
        InviteService.DEFAULT_EXPIRES_IN_HOURS);
    int maxUses = Fields.wholeNumber(body, "maxUses", 1, InviteService.MAX_USES, InviteService.DEFAULT_MAX_USES);
    String board = body.getValue("board") == null ? null : Fields.required(body, "board", MAX_BOARD_ID);
    return new InviteService.NewInvite(role, board, hours, maxUses);
  }

  /**
   * {@code {code}} of an invitation link, or null when it is not a string. Not checked further: any
   * code that is not usable gets the one {@code ERR_INVITE_INVALID}, so codes cannot be probed.
   */
  static String inviteCode(JsonObject body) {
    return body.getValue("code") instanceof String code ? code : null;
  }

  /** {@code {code, name, org?, country?}} of a guest joining through a board link. */
  static InviteService.GuestJoin guestJoin(JsonObject body) {
    String name = Fields.required(body, "name", Limits.MAX_NAME_LENGTH);
    String org = Fields.optional(body, "org", Limits.MAX_NAME_LENGTH);
    String country = Fields.optional(body, "country", Limits.MAX_NAME_LENGTH);
    return new InviteService.GuestJoin(inviteCode(body), name, org, country);
  }

  /** Which notifications to mark read: {@code {ids:[…]}} (at most 500) or {@code {all:true}}. */
  record MarkRead(List<String> ids, boolean all) {}

  static MarkRead markRead(JsonObject body) {
    if (Boolean.TRUE.equals(body.getValue("all"))) {
      return new MarkRead(List.of(), true);
    }
    if (!(body.getValue("ids") instanceof JsonArray ids) || ids.isEmpty() || ids.size() > 500) {
      throw CrossboardException.invalid("ids must be 1–500 notification ids, or all must be true");
    }
    List<String> out = new ArrayList<>(ids.size());
    for (Object id : ids) {
      if (!(id instanceof String s) || s.isEmpty() || s.length() > 64) {
        throw CrossboardException.invalid("ids must be notification ids");
      }
      out.add(s);
    }
    return new MarkRead(out, false);
  }

  /** Muting a board or a thread: {@code {board|thread, muted}}, as the scope {@code board:<id>} or {@code thread:<id>}. */
  record Mute(String scope, boolean muted) {}

  static Mute mute(JsonObject body) {
    String board = Fields.optional(body, "board", MAX_BOARD_ID);
    String thread = Fields.optional(body, "thread", MAX_BOARD_ID);
    if ((board == null) == (thread == null)) {
      throw CrossboardException.invalid("give exactly one of board and thread");
    }
    if (!(body.getValue("muted") instanceof Boolean muted)) {
      throw CrossboardException.invalid("muted must be true or false");
    }
    return new Mute(board != null ? "board:" + board : "thread:" + thread, muted);
  }

  /** {@code {text}}: a human translation, 1–10,000 characters once stripped, like a note's text. */
  static String translation(JsonObject body) {
    return Fields.required(body, "text", Limits.MAX_TEXT_LENGTH);
  }
}
