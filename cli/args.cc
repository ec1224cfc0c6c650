#include "cli/args.h"

namespace claims::cli {

std::string Args::Get(std::string_view name, std::string_view fallback) const {
  auto it = values.find(name);
  if (it == values.end() || it->second.empty()) return std::string(fallback);
  return it->second.back();
}

std::vector<std::string> Args::GetAll(std::string_view name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

Result<Args> ParseArgs(std::span<const std::string> args, std::span<const OptionSpec> specs) {
  Args out;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a == "-" || a.empty() || a[0] != '-') {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") { options_done = true; continue; }
    const OptionSpec* spec = nullptr;
    std::string inline_value;
    bool has_inline = false;
    if (a.size() > 2 && a[1] == '-') {
      std::string_view body = std::string_view(a).substr(2);
      size_t eq = body.find('=');
      std::string_view name = body.substr(0, eq);
      if (eq != std::string_view::npos) { inline_value = std::string(body.substr(eq + 1)); has_inline = true; }
      for (const OptionSpec& s : specs) if (s.name == name) spec = &s;
    } else if (a.size() == 2) {
      for (const OptionSpec& s : specs) if (s.short_name != 0 && s.short_name == a[1]) spec = &s;
    }
    if (spec == nullptr) return Status::InvalidArgument("unknown option " + a);
    std::string value;
    if (spec->takes_value) {
      if (has_inline) {
        value = inline_value;
      } else {
        if (i + 1 >= args.size()) return Status::InvalidArgument("option --" + std::string(spec->name) + " needs a value");
        value = args[++i];
      }
    } else if (has_inline) {
      return Status::InvalidArgument("option --" + std::string(spec->name) + " takes no value");
    }
    out.values[std::string(spec->name)].push_back(std::move(value));
  }
  return out;
}

}  // namespace claims::cli
