#pragma once

#include "server/app/serviceerror.h"

#include <optional>
#include <utility>
#include <variant>

namespace Kinora::Server {

// Either a value or a ServiceError. ServiceResult<std::monostate> (ServiceStatus)
// is a result without a value.
template <typename T>
class ServiceResult
{
public:
    ServiceResult(T value) : m_value(std::move(value)) {}
    ServiceResult(ServiceError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const ServiceError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ServiceError m_error;
};

using ServiceStatus = ServiceResult<std::monostate>;

} // namespace Kinora::Server
