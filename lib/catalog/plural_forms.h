// The Plural-Forms header field: "nplurals=N; plural=EXPRESSION;".
//
// EXPRESSION is read with gettext's grammar (C's ?: || && == != < > <= >=
// + - * / % ! and parentheses, the variable n, decimal numbers) into a small
// program that evaluates without recursion, as gettext does in unsigned long
// (64-bit, wrapping) arithmetic. Nesting ("(", "!", "?:") is bounded by
// kMaxPluralNesting, so that no expression can exhaust the stack; gettext's
// own parser refuses deep nesting too. The only place the tools parse a
// Plural-Forms (docs/po_format.md).
#ifndef L10N_CATALOG_PLURAL_FORMS_H_
#define L10N_CATALOG_PLURAL_FORMS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace l10n {

inline constexpr int kMaxPluralNesting = 100;
inline constexpr int kMaxPluralForms = 1000;

class PluralForms {
 public:
  // Parses a header value. The error is a whole message for a finding
  // ("invalid Plural-Forms: ...").
  static Result<PluralForms> Parse(std::string_view value);

  int nplurals() const { return nplurals_; }

  // The form for `n`; nullopt when the expression divides by zero for it
  // (on a branch that `?:`, `&&`, `||` evaluate, as in gettext).
  std::optional<uint64_t> Eval(uint64_t n) const;

  struct Op {
    enum Kind : uint8_t {
      kNumber,
      kN,
      kNot,
      kBool,
      kJumpIfZero,
      kJumpIfNotZero,
      kJump,
      kMul,
      kDiv,
      kMod,
      kAdd,
      kSub,
      kLess,
      kGreater,
      kLessEqual,
      kGreaterEqual,
      kEqual,
      kNotEqual,
    };
    Kind kind;
    uint64_t value = 0;  // kNumber: the number; jumps: the target
  };

 private:
  int nplurals_ = 0;
  std::vector<Op> code_;  // postfix, with jumps for ?:, && and ||
};

// The nplurals of a Plural-Forms value, whatever its expression; nullopt
// when it has none, or none from 1 to kMaxPluralForms.
std::optional<int> PluralFormsCount(std::string_view value);

// Why the tools cannot use a Plural-Forms value, or nullopt (then
// *nplurals is set): it does not parse, or for some n from 0 to 1000 it
// divides by zero or gives a form that is not below nplurals.
std::optional<std::string> PluralFormsProblem(std::string_view value, int* nplurals);

}  // namespace l10n

#endif  // L10N_CATALOG_PLURAL_FORMS_H_
