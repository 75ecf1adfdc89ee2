// EncodeSegmentation and DecodeSegmentation (segmentation_codec.h). Each
// struct has one Put and one Get, the fields in declaration order.
#include "post/segmentation_codec.h"

#include <vector>

#include "base/byte_codec.h"

namespace l10n {

namespace {

// A new field makes a struct larger: encode it below, bump
// kSegmentationFormat, then update the size here.
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(Range) == 16);
static_assert(sizeof(CategoryLink) == 96);
static_assert(sizeof(Placeholder) == 248);
static_assert(sizeof(Unit) == 168);
static_assert(sizeof(Segmentation::Link) == 64);
static_assert(sizeof(Segmentation::Metadata::Term) == 104);
static_assert(sizeof(Segmentation::Metadata) == 136);
static_assert(sizeof(Segmentation::Head::Tag) == 72);
static_assert(sizeof(Segmentation::Head::Switcher) == 144);
static_assert(sizeof(Segmentation::Head) == 272);
static_assert(sizeof(Segmentation) == 512);
#endif

class Encoder {
 public:
  explicit Encoder(std::string* out) : w_(out) {}

  void Put(const Segmentation& s) {
    w_.String(s.lang);
    Put(s.lang_range);
    w_.Bool(s.lang_attribute_present);
    w_.Bool(s.has_lang_edit);
    w_.Varint(s.units.size());
    for (const Unit& u : s.units) Put(u);
    w_.Varint(s.links.size());
    for (const Segmentation::Link& l : s.links) {
      w_.Varint(static_cast<uint64_t>(l.syntax));
      Put(l.range);
      w_.Byte(l.quote);
      w_.String(l.url);
    }
    Put(s.metadata);
    Put(s.head);
  }

 private:
  void Put(const Range& r) {
    w_.Varint(r.begin);
    w_.Varint(r.end - r.begin);
  }
  void Put(const std::vector<std::string>& v) {
    w_.Varint(v.size());
    for (const std::string& s : v) w_.String(s);
  }
  void Put(const Unit& u) {
    w_.Varint(static_cast<uint64_t>(u.kind));
    w_.String(u.text);
    w_.Bool(u.context.has_value());
    if (u.context) w_.String(*u.context);
    w_.String(u.note);
    w_.Signed(u.line);
    w_.Signed(u.column);
    Put(u.range);
    w_.Bool(u.is_attribute);
    w_.Byte(u.quote);
    w_.Bool(u.embedded_html);
    w_.Bool(u.translatable);
    w_.Varint(u.placeholders.size());
    for (const Placeholder& p : u.placeholders) Put(p);
  }
  void Put(const Placeholder& p) {
    w_.Varint(static_cast<uint64_t>(p.kind));
    w_.String(p.name);
    Put(p.start_tag);
    Put(p.end_tag);
    Put(p.element);
    w_.String(p.datetime);
    w_.Varint(p.categories.size());
    for (const CategoryLink& c : p.categories) {
      Put(c.start_tag);
      Put(c.end_tag);
      w_.String(c.slug);
      w_.String(c.label);
    }
    w_.String(p.verbatim_text);
    w_.String(p.reference_label);
    w_.String(p.shortcode);
    w_.Bool(p.shortcode_closing);
    w_.Bool(p.shortcode_self_closing);
  }
  void Put(const Segmentation::Metadata& m) {
    w_.String(m.slug);
    w_.String(m.date);
    Put(m.categories);
    Put(m.tags);
    w_.Varint(m.terms.size());
    for (const Segmentation::Metadata::Term& t : m.terms) {
      w_.Varint(static_cast<uint64_t>(t.kind));
      w_.String(t.name);
      w_.String(t.slug);
      Put(t.range);
      w_.Byte(t.quote);
      w_.Signed(t.line);
      w_.Signed(t.column);
    }
  }
  void Put(const Segmentation::Head::Tag& t) {
    Put(t.element);
    Put(t.value);
    w_.Byte(t.quote);
    w_.Bool(t.valueless);
    w_.String(t.key);
  }
  void Put(const std::vector<Segmentation::Head::Tag>& tags) {
    w_.Varint(tags.size());
    for (const Segmentation::Head::Tag& t : tags) Put(t);
  }
  void Put(const Segmentation::Head& h) {
    w_.Bool(h.found);
    w_.Varint(h.insert_at);
    w_.Bool(h.at_line_start);
    w_.String(h.indent);
    w_.String(h.eol);
    Put(h.alternates);
    Put(h.canonicals);
    Put(h.og_locales);
    Put(h.og_locale_alternates);
    Put(h.og_urls);
    w_.Bool(h.has_open_graph);
    w_.Varint(h.switchers.size());
    for (const Segmentation::Head::Switcher& s : h.switchers) {
      w_.String(s.lang);
      Put(s.start_tag);
      Put(s.href);
      w_.Bool(s.has_href);
      w_.Varint(s.attribute_at);
      w_.Bool(s.hidden);
    }
    w_.Byte(h.syntax);
    Put(h.slug);
    w_.Byte(h.slug_quote);
    w_.Bool(h.has_slug_key);
    w_.Bool(h.has_translation_key);
  }

  ByteWriter w_;
};

class Decoder {
 public:
  Decoder(std::string_view data, size_t text_size) : r_(data), size_(text_size) {}

  bool Get(Segmentation* s) {
    s->lang = r_.String();
    Get(&s->lang_range);
    s->lang_attribute_present = r_.Bool();
    s->has_lang_edit = r_.Bool();
    Each(&s->units, [&](Unit* u) { Get(u); });
    Each(&s->links, [&](Segmentation::Link* l) { Get(l); });
    Get(&s->metadata);
    Get(&s->head);
    return r_.ok() && r_.at_end();
  }

 private:
  // Reads a count, then the items one by one while the bytes last: a
  // corrupt count allocates no more than the data can hold.
  template <typename T, typename GetItem>
  void Each(std::vector<T>* items, GetItem get_item) {
    for (size_t n = r_.Count(); n > 0 && r_.ok(); --n) {
      items->emplace_back();
      get_item(&items->back());
    }
  }
  void Get(Segmentation::Link* l) {
    {
      l->syntax = static_cast<Segmentation::Link::Syntax>(
          r_.Bounded(static_cast<uint64_t>(Segmentation::Link::Syntax::kMarkdown)));
      Get(&l->range);
      l->quote = r_.Byte();
      l->url = r_.String();
    }
  }
  size_t Offset() { return static_cast<size_t>(r_.Bounded(size_)); }
  void Get(Range* r) {
    r->begin = Offset();
    r->end = r->begin + static_cast<size_t>(r_.Bounded(size_ - r->begin));
  }
  void Get(std::vector<std::string>* v) {
    Each(v, [&](std::string* s) { *s = r_.String(); });
  }
  int Int() {
    int64_t v = r_.Signed();
    if (v < INT32_MIN || v > INT32_MAX) r_.Fail();
    return r_.ok() ? static_cast<int>(v) : 0;
  }
  void Get(Unit* u) {
    u->kind = static_cast<UnitKind>(r_.Bounded(static_cast<uint64_t>(UnitKind::kMetaText)));
    u->text = r_.String();
    if (r_.Bool()) u->context = r_.String();
    u->note = r_.String();
    u->line = Int();
    u->column = Int();
    Get(&u->range);
    u->is_attribute = r_.Bool();
    u->quote = r_.Byte();
    u->embedded_html = r_.Bool();
    u->translatable = r_.Bool();
    Each(&u->placeholders, [&](Placeholder* p) { Get(p); });
  }
  void Get(Placeholder* p) {
    p->kind = static_cast<Placeholder::Kind>(
        r_.Bounded(static_cast<uint64_t>(Placeholder::Kind::kComment)));
    p->name = r_.String();
    Get(&p->start_tag);
    Get(&p->end_tag);
    Get(&p->element);
    p->datetime = r_.String();
    Each(&p->categories, [&](CategoryLink* c) {
      Get(&c->start_tag);
      Get(&c->end_tag);
      c->slug = r_.String();
      c->label = r_.String();
    });
    p->verbatim_text = r_.String();
    p->reference_label = r_.String();
    p->shortcode = r_.String();
    p->shortcode_closing = r_.Bool();
    p->shortcode_self_closing = r_.Bool();
  }
  void Get(Segmentation::Metadata* m) {
    m->slug = r_.String();
    m->date = r_.String();
    Get(&m->categories);
    Get(&m->tags);
    Each(&m->terms, [&](Segmentation::Metadata::Term* t) {
      t->kind = static_cast<Segmentation::Metadata::Term::Kind>(
          r_.Bounded(static_cast<uint64_t>(Segmentation::Metadata::Term::Kind::kTag)));
      t->name = r_.String();
      t->slug = r_.String();
      Get(&t->range);
      t->quote = r_.Byte();
      t->line = Int();
      t->column = Int();
    });
  }
  void Get(Segmentation::Head::Tag* t) {
    Get(&t->element);
    Get(&t->value);
    t->quote = r_.Byte();
    t->valueless = r_.Bool();
    t->key = r_.String();
  }
  void Get(std::vector<Segmentation::Head::Tag>* tags) {
    Each(tags, [&](Segmentation::Head::Tag* t) { Get(t); });
  }
  void Get(Segmentation::Head* h) {
    h->found = r_.Bool();
    h->insert_at = Offset();
    h->at_line_start = r_.Bool();
    h->indent = r_.String();
    h->eol = r_.String();
    Get(&h->alternates);
    Get(&h->canonicals);
    Get(&h->og_locales);
    Get(&h->og_locale_alternates);
    Get(&h->og_urls);
    h->has_open_graph = r_.Bool();
    Each(&h->switchers, [&](Segmentation::Head::Switcher* s) {
      s->lang = r_.String();
      Get(&s->start_tag);
      Get(&s->href);
      s->has_href = r_.Bool();
      s->attribute_at = Offset();
      s->hidden = r_.Bool();
    });
    h->syntax = r_.Byte();
    Get(&h->slug);
    h->slug_quote = r_.Byte();
    h->has_slug_key = r_.Bool();
    h->has_translation_key = r_.Bool();
  }

  ByteReader r_;
  size_t size_;
};

}  // namespace

void EncodeSegmentation(const Segmentation& segmentation, std::string* out) {
  Encoder(out).Put(segmentation);
}

bool DecodeSegmentation(std::string_view data, size_t text_size, Segmentation* segmentation) {
  *segmentation = Segmentation();
  return Decoder(data, text_size).Get(segmentation);
}

}  // namespace l10n
