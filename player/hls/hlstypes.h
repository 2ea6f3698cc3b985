#pragma once

#include "core/hls/masterplaylist.h"
#include "core/hls/mediaplaylist.h"
#include "core/hls/playlistparser.h"

// The playlist model of core/hls under the player's namespace.
namespace Kinora::Player {
using Hls::ByteRange;
using Hls::MasterPlaylist;
using Hls::MediaInitialization;
using Hls::MediaPlaylist;
using Hls::MediaRendition;
using Hls::MediaSegment;
using Hls::PlaylistParser;
using Hls::SegmentKey;
using Hls::StartPoint;
using Hls::VariantStream;
} // namespace Kinora::Player
