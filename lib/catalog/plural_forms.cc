#include "catalog/plural_forms.h"

#include "base/ui_text.h"
#include "base/utf8.h"

namespace l10n {

namespace {

// `s` for a message: cut to about 40 bytes, at a character boundary.
std::string Shown(std::string_view s) {
  constexpr size_t kMax = 40;
  if (s.size() <= kMax) return std::string(s);
  size_t end = 0;
  while (end < kMax - 3) {
    size_t n = Utf8SequenceLength(s, end);
    end += n == 0 ? 1 : n;
  }
  return std::string(s.substr(0, end)) + "...";
}

// Precedence climbing over gettext's grammar, emitting postfix code. The
// recursion is bounded: each level of nesting ("(", "!", "?:") counts, and
// within one level it is at most one call per precedence.
class Parser {
 public:
  using Op = PluralForms::Op;

  // gettext reads the expression up to ';'.
  Parser(std::string_view s, std::vector<Op>* code) : s_(s.substr(0, s.find(';'))), code_(code) {}

  // Error text, or nullopt.
  std::optional<std::string> Parse() {
    Conditional();
    if (ok_ && Peek() != kEnd) Fail();
    if (ok_) return std::nullopt;
    if (too_deep_) {
      return FormatUi(
          "invalid Plural-Forms: the plural expression nests more than {} deep at "
          "'{}'",
          kMaxPluralNesting, Shown(s_.substr(fail_at_)));
    }
    return FormatUi(
        "invalid Plural-Forms: {}",
        FormatUi("cannot read the plural expression at '{}'", Shown(s_.substr(fail_at_))));
  }

 private:
  enum Token : uint8_t {
    kEnd,
    kNumber,
    kVariable,
    kQuestion,
    kColon,
    kOpen,
    kClose,
    kNot,
    kOr,
    kAnd,
    kEqual,
    kNotEqual,
    kLess,
    kGreater,
    kLessEqual,
    kGreaterEqual,
    kPlus,
    kMinus,
    kTimes,
    kDivide,
    kModulo,
    kBad,
  };

  // The next token, without consuming it (its length in *len).
  Token Peek(size_t* len = nullptr) {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n')) ++pos_;
    size_t dummy;
    if (!len) len = &dummy;
    *len = 1;
    if (pos_ >= s_.size()) return kEnd;
    char c = s_[pos_];
    char next = pos_ + 1 < s_.size() ? s_[pos_ + 1] : '\0';
    auto two = [len](Token t) {
      *len = 2;
      return t;
    };
    switch (c) {
      case 'n':
        return kVariable;
      case '?':
        return kQuestion;
      case ':':
        return kColon;
      case '(':
        return kOpen;
      case ')':
        return kClose;
      case '!':
        return next == '=' ? two(kNotEqual) : kNot;
      case '|':
        return next == '|' ? two(kOr) : kBad;
      case '&':
        return next == '&' ? two(kAnd) : kBad;
      case '=':
        return next == '=' ? two(kEqual) : kBad;
      case '<':
        return next == '=' ? two(kLessEqual) : kLess;
      case '>':
        return next == '=' ? two(kGreaterEqual) : kGreater;
      case '+':
        return kPlus;
      case '-':
        return kMinus;
      case '*':
        return kTimes;
      case '/':
        return kDivide;
      case '%':
        return kModulo;
      default:
        break;
    }
    if (c >= '0' && c <= '9') {
      size_t end = pos_;
      while (end < s_.size() && s_[end] >= '0' && s_[end] <= '9') ++end;
      *len = end - pos_;
      return kNumber;
    }
    return kBad;
  }

  void Fail() {
    if (ok_) fail_at_ = pos_;
    ok_ = false;
  }

  // One more level of nesting; false (and failed) when that is too many.
  bool Enter() {
    if (++depth_ <= kMaxPluralNesting) return true;
    if (ok_) too_deep_ = true;
    Fail();
    return false;
  }

  size_t Emit(Op::Kind kind, uint64_t value = 0) {
    code_->push_back({kind, value});
    return code_->size() - 1;
  }
  void Patch(size_t jump) { (*code_)[jump].value = code_->size(); }

  // c ? a : b, right-associative.
  void Conditional() {
    Binary(1);
    if (!ok_ || Peek() != kQuestion) return;
    ++pos_;
    if (!Enter()) return;
    size_t to_else = Emit(Op::kJumpIfZero);
    Conditional();
    if (ok_ && Peek() != kColon) Fail();
    if (!ok_) return;
    ++pos_;
    size_t to_end = Emit(Op::kJump);
    Patch(to_else);
    Conditional();
    Patch(to_end);
    --depth_;
  }

  static int Precedence(Token t) {
    switch (t) {
      case kOr:
        return 1;
      case kAnd:
        return 2;
      case kEqual:
      case kNotEqual:
        return 3;
      case kLess:
      case kGreater:
      case kLessEqual:
      case kGreaterEqual:
        return 4;
      case kPlus:
      case kMinus:
        return 5;
      case kTimes:
      case kDivide:
      case kModulo:
        return 6;
      default:
        return 0;
    }
  }

  static Op::Kind Operation(Token t) {
    switch (t) {
      case kEqual:
        return Op::kEqual;
      case kNotEqual:
        return Op::kNotEqual;
      case kLess:
        return Op::kLess;
      case kGreater:
        return Op::kGreater;
      case kLessEqual:
        return Op::kLessEqual;
      case kGreaterEqual:
        return Op::kGreaterEqual;
      case kPlus:
        return Op::kAdd;
      case kMinus:
        return Op::kSub;
      case kTimes:
        return Op::kMul;
      case kDivide:
        return Op::kDiv;
      default:
        return Op::kMod;
    }
  }

  // Left-associative binary operators of precedence `min` and above.
  void Binary(int min) {
    Unary();
    for (;;) {
      if (!ok_) return;
      size_t len;
      Token t = Peek(&len);
      int prec = Precedence(t);
      if (prec < min) return;
      pos_ += len;
      if (t == kAnd || t == kOr) {
        // a && b: a ? bool(b) : 0;  a || b: a ? 1 : bool(b).
        size_t skip = Emit(t == kAnd ? Op::kJumpIfZero : Op::kJumpIfNotZero);
        Binary(prec + 1);
        Emit(Op::kBool);
        size_t to_end = Emit(Op::kJump);
        Patch(skip);
        Emit(Op::kNumber, t == kAnd ? 0 : 1);
        Patch(to_end);
      } else {
        Binary(prec + 1);
        Emit(Operation(t));
      }
    }
  }

  void Unary() {
    int nots = 0;
    size_t len;
    Token t;
    while ((t = Peek(&len)) == kNot) {
      if (!Enter()) return;
      ++nots;
      ++pos_;
    }
    Primary();
    if (!ok_) return;
    if (nots > 0) Emit(nots % 2 == 1 ? Op::kNot : Op::kBool);
    depth_ -= nots;
  }

  void Primary() {
    size_t len;
    Token t = Peek(&len);
    if (t == kVariable) {
      ++pos_;
      Emit(Op::kN);
    } else if (t == kNumber) {
      // Digits as gettext reads them into an unsigned long: modulo 2^64.
      uint64_t v = 0;
      for (size_t i = pos_; i < pos_ + len; ++i) v = v * 10 + static_cast<uint64_t>(s_[i] - '0');
      pos_ += len;
      Emit(Op::kNumber, v);
    } else if (t == kOpen) {
      if (!Enter()) return;
      ++pos_;
      Conditional();
      if (ok_ && Peek() != kClose) Fail();
      if (!ok_) return;
      ++pos_;
      --depth_;
    } else {
      Fail();
    }
  }

  std::string_view s_;
  std::vector<Op>* code_;
  size_t pos_ = 0;
  size_t fail_at_ = 0;
  int depth_ = 0;
  bool ok_ = true;
  bool too_deep_ = false;
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

namespace {

// What the value says of nplurals: the count, or an error; `pl` is set to
// where "plural=" starts.
Result<int> ReadCount(std::string_view value, size_t* pl) {
  auto malformed = [value] {
    return Status::Error(FormatUi(
        "Plural-Forms must read 'nplurals=N; plural=EXPRESSION;', not '{}'", Shown(value)));
  };
  // Where gettext looks: "nplurals=" and "plural=" anywhere, the number
  // after optional spaces.
  size_t np = value.find("nplurals=");
  if (np == std::string_view::npos) return malformed();
  *pl = value.find("plural=", np + 9);
  if (*pl == std::string_view::npos) return malformed();
  size_t digits = np + 9;
  while (digits < value.size() && IsSpace(value[digits])) ++digits;
  size_t end = digits;
  while (end < value.size() && value[end] >= '0' && value[end] <= '9') ++end;
  int count = 0;
  for (size_t i = digits; i < end; ++i) {
    count = count * 10 + (value[i] - '0');
    if (count > kMaxPluralForms) {
      return Status::Error(FormatUi("invalid Plural-Forms: nplurals={} is too large; at most {}",
                                    Shown(value.substr(digits, end - digits)), kMaxPluralForms));
    }
  }
  if (count < 1) return malformed();
  return count;
}

}  // namespace

std::optional<int> PluralFormsCount(std::string_view value) {
  size_t pl;
  Result<int> count = ReadCount(value, &pl);
  if (!count.ok()) return std::nullopt;
  return *count;
}

Result<PluralForms> PluralForms::Parse(std::string_view value) {
  size_t pl;
  Result<int> count = ReadCount(value, &pl);
  if (!count.ok()) return count.status();
  PluralForms forms;
  forms.nplurals_ = *count;
  Parser parser(value.substr(pl + 7), &forms.code_);
  if (std::optional<std::string> error = parser.Parse()) return Status::Error(std::move(*error));
  return forms;
}

std::optional<uint64_t> PluralForms::Eval(uint64_t n) const {
  std::vector<uint64_t> stack;
  stack.reserve(16);
  auto pop = [&stack] {
    uint64_t v = stack.back();
    stack.pop_back();
    return v;
  };
  for (size_t pc = 0; pc < code_.size(); ++pc) {
    const Op& op = code_[pc];
    switch (op.kind) {
      case Op::kNumber:
        stack.push_back(op.value);
        continue;
      case Op::kN:
        stack.push_back(n);
        continue;
      case Op::kNot:
        stack.back() = stack.back() == 0;
        continue;
      case Op::kBool:
        stack.back() = stack.back() != 0;
        continue;
      case Op::kJump:
        pc = op.value - 1;
        continue;
      case Op::kJumpIfZero:
        if (pop() == 0) pc = op.value - 1;
        continue;
      case Op::kJumpIfNotZero:
        if (pop() != 0) pc = op.value - 1;
        continue;
      default:
        break;
    }
    uint64_t b = pop();
    uint64_t& a = stack.back();
    switch (op.kind) {
      case Op::kMul:
        a *= b;
        break;
      case Op::kDiv:
      case Op::kMod:
        if (b == 0) return std::nullopt;
        a = op.kind == Op::kDiv ? a / b : a % b;
        break;
      case Op::kAdd:
        a += b;
        break;
      case Op::kSub:
        a -= b;
        break;
      case Op::kLess:
        a = a < b;
        break;
      case Op::kGreater:
        a = a > b;
        break;
      case Op::kLessEqual:
        a = a <= b;
        break;
      case Op::kGreaterEqual:
        a = a >= b;
        break;
      case Op::kEqual:
        a = a == b;
        break;
      default:
        a = a != b;
        break;  // kNotEqual
    }
  }
  return stack.back();
}

std::optional<std::string> PluralFormsProblem(std::string_view value, int* nplurals) {
  *nplurals = 0;
  Result<PluralForms> forms = PluralForms::Parse(value);
  if (!forms.ok()) return forms.status().message();
  *nplurals = forms->nplurals();
  for (uint64_t n = 0; n <= 1000; ++n) {
    std::optional<uint64_t> form = forms->Eval(n);
    if (!form) {
      return FormatUi("invalid Plural-Forms: for n = {} the expression divides by zero", n);
    }
    if (*form >= static_cast<uint64_t>(*nplurals)) {
      return FormatUi(
          "invalid Plural-Forms: for n = {} the expression gives form {}, but nplurals is {}", n,
          *form, *nplurals);
    }
  }
  return std::nullopt;
}

}  // namespace l10n
